// A gate in front of storing a part: a transaction of the test's own holds an EXCLUSIVE lock on
// match_run_part, so every worker that finished matching a part waits at its insert (reads go on).
// With it a test can kill a worker, or stop Redis, while parts are certainly in flight, instead of
// hoping a timer lands between two parts.
import pg from 'pg'

export interface PartGate {
  /** Worker sessions of this database waiting for a lock right now. */
  waiting(): Promise<number>
  /** Ends the transaction: the waiting inserts go ahead. Safe to call twice. */
  open(): Promise<void>
}

export async function closePartGate(databaseUrl: string): Promise<PartGate> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  await client.query('LOCK TABLE match_run_part IN EXCLUSIVE MODE')
  return gateOf(client)
}

function gateOf(client: pg.Client): PartGate {
  let open = true
  return {
    async waiting() {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      )
      return Number(rows[0]!.n)
    },
    async open() {
      if (!open) return
      open = false
      await client.query('ROLLBACK')
      await client.end()
    },
  }
}

/**
 * A gate in front of one part only: an uncommitted row for (run, part) in a transaction of the
 * test's own, so the worker that stores that part waits on it (a unique-key wait) and every other
 * part goes through.
 */
export async function closeOnePart(databaseUrl: string, runId: string, part: number): Promise<PartGate> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  await client.query('INSERT INTO match_run_part (run_id, part, students, proposals) VALUES ($1, $2, 0, 0)', [
    runId,
    part,
  ])
  return gateOf(client)
}

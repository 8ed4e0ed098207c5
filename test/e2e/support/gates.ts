// Gates in front of a write: a transaction of the test's own holds an EXCLUSIVE lock on a table,
// so every worker that comes to write there waits at its insert (reads go on). With them a test
// can kill a worker, or stop Redis, at a known step of the night (storing a part, closing the run)
// instead of hoping a timer lands there.
import pg from 'pg'

export interface Gate {
  /** Worker sessions of this database waiting for a lock right now. */
  waiting(): Promise<number>
  /** Ends the transaction: the waiting inserts go ahead. Safe to call twice. */
  open(): Promise<void>
}

/** Closes the gate on `table`: `match_run_part` holds every part, `mail_outbox` the run's close. */
export async function closeGate(databaseUrl: string, table: 'match_run_part' | 'mail_outbox'): Promise<Gate> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  await client.query(`LOCK TABLE ${table} IN EXCLUSIVE MODE`)
  return gateOf(client)
}

/** The gate in front of storing any part. */
export const closePartGate = (databaseUrl: string) => closeGate(databaseUrl, 'match_run_part')

function gateOf(client: pg.Client): Gate {
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
export async function closeOnePart(databaseUrl: string, runId: string, part: number): Promise<Gate> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await client.query('BEGIN')
  await client.query('INSERT INTO match_run_part (run_id, part, students, proposals) VALUES ($1, $2, 0, 0)', [
    runId,
    part,
  ])
  return gateOf(client)
}

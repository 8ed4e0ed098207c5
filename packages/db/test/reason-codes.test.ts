// Migration 0014: reasons stored as Dutch strings become { code, text } by the texts the core
// wrote (an unknown text becomes 'other', which only the school sees), and the server secret is
// made once per database, 32 random bytes, read back by serverSecret.
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb, type TestDb } from '../../../test/support/databases.js'
import { serverSecret } from '../src/index.js'
import * as m0014 from '../src/migrations/2026_11_23_0014_reason_codes_and_server_secret.js'

const OLD = [
  'manueel geplaatst door de trajectbegeleider: Jana (Kasterlee) is 17/09/2009 geboren, van huis',
  'zelfde studierichting',
  'verwante studierichting',
  '7,4 km van huis',
  'minder dan 1 km van huis',
  'stageplaats in het buitenland (Erasmus+)',
  '4 van 6 competenties',
  'eerste wens van de leerling',
  'wens 2 van de leerling',
  'voorkeur van het bedrijf',
  'voorrang als kwetsbare leerling',
  'iets wat niemand kent',
]
const CODES = [
  'pin',
  'programme_exact',
  'programme_related',
  'distance',
  'distance',
  'abroad',
  'competences',
  'wish',
  'wish',
  'company_preference',
  'priority',
  'other',
]

describe.each(ENGINES)('migration 0014 on %s', (engine) => {
  let handle: TestDb
  beforeAll(async () => {
    handle = await openSeededDb(engine)
  })
  afterAll(() => handle?.close())

  it('makes a 32-byte secret that serverSecret reads (and keeps)', async () => {
    const secret = await serverSecret(handle.db)
    expect(secret).toHaveLength(32)
    expect(secret.equals(Buffer.alloc(32))).toBe(false)
    expect(await serverSecret(handle.db)).toBe(secret)
  })

  it('gives every stored string reason its code, keeping the text', async () => {
    // Back to the strings of before (the down step), then rows as an old night stored them.
    await m0014.down(handle.db)
    await handle.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx) // no parent rows needed
      await sql`insert into proposal (run_id, student_id, place_id, rank, score, breakdown, kind, reasons)
        values (${randomUUID()}, ${randomUUID()}, ${randomUUID()}, 1, 70, '{}'::jsonb, 'pinned', ${JSON.stringify(OLD)}::jsonb),
               (${randomUUID()}, ${randomUUID()}, ${randomUUID()}, 1, 70, '{}'::jsonb, 'allocated', '[]'::jsonb)`.execute(
        trx,
      )
    })
    await m0014.up(handle.db)
    const rows = await handle.db.selectFrom('proposal').select(['kind', 'reasons']).orderBy('kind').execute()
    expect(rows[0]!.reasons).toEqual([])
    expect(rows[1]!.reasons).toEqual(OLD.map((text, i) => ({ code: CODES[i], text })))
    const again = await handle.db.selectFrom('server_secret').select('secret').execute()
    expect(again).toHaveLength(1)
    expect(Buffer.from(again[0]!.secret)).toHaveLength(32)
  })
})

import type { Kysely } from 'kysely'
import type { Database } from '../schema/database.js'

const secrets = new WeakMap<Kysely<Database>, Promise<Buffer>>()

/**
 * The server's 32-byte secret (made by migration 0014), read once per database handle and then
 * kept: the API, the worker, the demo and the command line all key candidate codes and cursors with
 * it, so they agree across processes and restarts without any configuration. A failed read is not
 * kept (the next call tries again).
 */
export function serverSecret(db: Kysely<Database>): Promise<Buffer> {
  let secret = secrets.get(db)
  if (!secret) {
    secret = db
      .selectFrom('server_secret')
      .select('secret')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow()
      .then((row) => {
        const bytes = Buffer.from(row.secret)
        if (bytes.length < 32) throw new Error('server_secret holds fewer than 32 bytes')
        return bytes
      })
    secrets.set(db, secret)
    secret.catch(() => secrets.delete(db))
  }
  return secret
}

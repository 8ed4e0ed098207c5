// `pnpm --filter @stagebrug/api create-admin-key [name]`: the first administrator key, for a
// migrated database (`pnpm stagebrug db migrate`). Prints the key once on stdout; only its sha-256
// is stored. `pnpm stagebrug apikey create` calls the same createApiKey of @stagebrug/db.
import { EnvError, ZApiEnv } from '@stagebrug/config'
import { createApiKey, createDb } from '@stagebrug/db'

async function main(): Promise<void> {
  const parsed = ZApiEnv.pick({ DATABASE_URL: true }).safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      variable: String(i.path[0] ?? '?'),
      message: i.message,
    }))
    process.stderr.write(`${new EnvError(problems).message}\n`)
    process.exit(2)
  }
  const name = process.argv.slice(2).join(' ').trim() || 'eerste beheerder'
  const handle = createDb(parsed.data.DATABASE_URL)
  try {
    const created = await createApiKey(handle.db, { name, role: 'admin', actor: 'cli:create-admin-key' })
    process.stderr.write(
      `Beheerderssleutel "${created.name}" (${created.id}) aangemaakt. Bewaar ze nu: ze wordt niet meer getoond.\n`,
    )
    process.stdout.write(`${created.key}\n`)
  } finally {
    await handle.destroy()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`create-admin-key: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})

// pnpm stagebrug <command> — administrator commands that work before the API exists.
//   db migrate
//   school add --number <instellingsnummer> --name <name> --postcode <postcode> [--group <scholengroep>]
//   import students <file.csv|xlsx> --school <instellingsnummer>
//   import places <file.csv|xlsx>
// DATABASE_URL: postgres://… or pglite://<dir> (default pglite://.stagebrug/db, an embedded database).
import { parseArgs } from 'node:util'
import { ACCEPTED_URL_FORMS, createDb } from '@stagebrug/db'
import { dbMigrate } from './commands/db-migrate.js'
import { importFile } from './commands/import-file.js'
import { schoolAdd } from './commands/school-add.js'

const USAGE = `gebruik / usage:
  pnpm stagebrug db migrate
  pnpm stagebrug school add --number <instellingsnummer> --name <naam> --postcode <postcode> [--group <scholengroep>]
  pnpm stagebrug import students <bestand.csv|xlsx> --school <instellingsnummer>
  pnpm stagebrug import places <bestand.csv|xlsx>
DATABASE_URL: ${ACCEPTED_URL_FORMS.join(' | ')} (standaard / default pglite://.stagebrug/db)`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      number: { type: 'string' },
      name: { type: 'string' },
      postcode: { type: 'string' },
      group: { type: 'string' },
      school: { type: 'string' },
    },
  })
  const command = positionals.slice(0, 2).join(' ')
  const known = ['db migrate', 'school add', 'import students', 'import places']
  if (!known.includes(command) || positionals.length > (command.startsWith('import') ? 3 : 2)) {
    console.error(`Onbekend commando / unknown command: ${JSON.stringify(command)}\n${USAGE}`)
    return 2
  }
  const url = process.env.DATABASE_URL ?? `pglite://${process.env.INIT_CWD ?? process.cwd()}/.stagebrug/db`
  let handle: ReturnType<typeof createDb>
  try {
    handle = createDb(url)
  } catch (error) {
    console.error(`DATABASE_URL: ${error instanceof Error ? error.message : String(error)}`)
    return 2
  }
  try {
    if (command === 'db migrate') return await dbMigrate(handle)
    if (command === 'school add') return await schoolAdd(handle, values)
    const kind = command === 'import students' ? 'students' : 'places'
    return await importFile(handle, kind, positionals[2], values.school)
  } finally {
    await handle.destroy()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  },
)

import { readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { DbHandle } from '@stagebrug/db'
import {
  ImportError,
  type ImportReport,
  importMentors,
  importPlaceRegistration,
  importRecognitions,
  importStudentList,
  mappingFromPairs,
} from '@stagebrug/imports'

const SHOWN_ERRORS = 50

/**
 * `stagebrug import students <file> --school <nr>`, `stagebrug import places <file>` and
 * `stagebrug import recognitions <file> [--school <nr>]` (with --school: declared by that school on the company's behalf).
 */
export async function importFile(
  handle: DbHandle,
  kind: 'students' | 'places' | 'recognitions' | 'mentors',
  file: string | undefined,
  school: string | undefined,
  map: readonly string[] = [],
): Promise<number> {
  if (!file) return usage(`geef een bestand op / give a file`)
  // `--map "kolom=veld"` (repeatable): the uploader's own column → field choices (issue 15).
  let mapping: Readonly<Record<string, string>> | undefined
  try {
    mapping = map.length > 0 ? mappingFromPairs(map) : undefined
  } catch (error) {
    if (error instanceof ImportError) return usage(`${error.messageNl} / ${error.message}`)
    throw error
  }
  // pnpm runs the script in apps/cli; paths are meant from where the user typed the command.
  file = resolve(process.env.INIT_CWD ?? process.cwd(), file)
  if (kind === 'students' && !school) return usage('--school <instellingsnummer> is verplicht / is required')
  let bytes: Uint8Array
  try {
    if (!statSync(file).isFile()) return usage(`${file} is geen bestand / is not a file`)
    bytes = readFileSync(file)
  } catch {
    return usage(`${file} bestaat niet of is niet leesbaar / does not exist or cannot be read`)
  }
  const meta = {
    bytes,
    filename: basename(file),
    uploadedBy: `cli:${process.env.USER ?? 'admin'}`,
    ...(mapping === undefined ? {} : { mapping }),
  }
  try {
    const report =
      kind === 'students'
        ? await importStudentList(handle.db, { ...meta, school: school! })
        : kind === 'mentors'
          ? await importMentors(handle.db, meta)
          : kind === 'recognitions'
            ? await importRecognitions(handle.db, { ...meta, source: school ? 'school' : 'company' })
            : await importPlaceRegistration(handle.db, meta)
    print(report)
    return report.outcome === 'accepted' ? 0 : 1
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`${error.messageNl} / ${error.message}`)
      // A mapping naming an unknown column or field is a usage error, like a missing --school.
      return error.code === 'bad_mapping' ? 2 : 1
    }
    throw error
  }
}

const COUNT_LABELS: Readonly<Record<string, string>> = {
  created: 'nieuw / created',
  updated: 'gewijzigd / updated',
  unchanged: 'ongewijzigd / unchanged',
  withdrawn: 'teruggetrokken / withdrawn',
  companies: 'bedrijven / companies',
  places: 'plaatsen in het bestand / places in the file',
  seats: 'stageplaatsen / seats',
  recognitions: 'erkenningen in het bestand / recognitions in the file',
  recognised: 'met status erkend / with status erkend',
  mentors: 'mentoren in het bestand / mentors in the file',
  links: 'koppelingen mentor–plaats / mentor–place links',
}

function print(report: ImportReport): void {
  if (report.mapping.length > 0) console.log('Kolommen / columns:')
  for (const m of report.mapping) console.log(`  "${m.column}" → ${m.field} (${m.via})`)
  if (report.warnings.length > 0) console.log('Let op / warnings:')
  for (const w of report.warnings) console.log(`  ${where(w.row, w.column)}: ${w.message}`)
  if (report.outcome === 'accepted') {
    console.log(`Aanvaard / accepted (upload ${report.uploadId}):`)
    for (const [key, n] of Object.entries(report.counts)) console.log(`  ${COUNT_LABELS[key] ?? key}: ${n}`)
    const { parseMs, storeMs } = report.timings
    console.log(`  inlezen / parse ${parseMs} ms · opslaan / store ${storeMs} ms`)
    return
  }
  console.error(
    `Geweigerd: niets ingelezen / rejected: nothing imported (upload ${report.uploadId}), ${report.errors.length} fout(en) / error(s):`,
  )
  for (const e of report.errors.slice(0, SHOWN_ERRORS)) {
    const value = e.row === 0 ? '' : `, waarde / value ${JSON.stringify(e.value)}`
    console.error(`  ${where(e.row, e.column)}${value}: ${e.message}`)
  }
  if (report.errors.length > SHOWN_ERRORS)
    console.error(`  … en ${report.errors.length - SHOWN_ERRORS} meer / and more`)
}

/** `rij 3, kolom "geboortedatum"`; row 0 is the file as a whole. */
function where(row: number | null, column: string | null): string {
  const parts = [row === null || row === 0 ? 'bestand / file' : `rij / row ${row}`]
  if (column) parts.push(`kolom / column "${column}"`)
  return parts.join(', ')
}

function usage(message: string): number {
  console.error(message)
  return 2
}

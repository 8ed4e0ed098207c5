// Changing the demo's mentors the way a company would: a mentor file, imported by importMentors (the
// door the CLI and the API use), with every field of each mentor as stored and the training changed.
import { importMentors, importRecognitions } from '@stagebrug/imports'
import { csv, MENTOR_HEADER, RECOGNITION_HEADER, table, utf8 } from './upload-files.js'

/**
 * Re-registers the mentors (of `placeId` only, when given) through the mentor file with the given
 * training; rows without plaatscodes, so every link stays as it is. Throws unless accepted.
 */
export async function reimportMentors(
  db: Parameters<typeof importMentors>[0],
  training: { readonly completed: boolean; readonly deadline: string | null },
  options: { readonly placeId?: string; readonly today?: string } = {},
): Promise<number> {
  const mentors = await db
    .selectFrom('mentor as m')
    .innerJoin('company as c', 'c.id', 'm.company_id')
    .select([
      'c.kbo_number',
      'm.name',
      'm.function',
      'm.email',
      'm.birth_date',
      'm.declared_at_least_25',
      'm.age_waiver_23',
    ])
    .$if(options.placeId !== undefined, (q) =>
      q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('place_mentor as pm')
            .select('pm.mentor_id')
            .whereRef('pm.mentor_id', '=', 'm.id')
            .where('pm.place_id', '=', options.placeId!),
        ),
      ),
    )
    .orderBy('m.id')
    .execute()
  const yesNo = (b: boolean) => (b ? 'ja' : 'nee')
  const rows = mentors.map((m) => ({
    ondernemingsnummer: m.kbo_number,
    naam: m.name ?? '',
    functie: m.function ?? '',
    'e-mail': m.email ?? '',
    telefoon: '',
    geboortedatum: m.birth_date ?? '',
    'minstens 25 jaar': yesNo(m.declared_at_least_25),
    'vrijstelling 23 jaar': yesNo(m.age_waiver_23),
    'jaren ervaring': '',
    'mentoropleiding gevolgd': yesNo(training.completed),
    'uiterste datum opleiding': training.deadline ?? '',
    'uittreksel 596.2 gecontroleerd op': '',
    plaatscodes: '',
  }))
  const report = await importMentors(db, {
    bytes: utf8(csv(table(MENTOR_HEADER, rows))),
    filename: 'mentoren.csv',
    uploadedBy: 'hr@example.be',
    ...(options.today === undefined ? {} : { today: options.today }),
  })
  if (report.outcome !== 'accepted')
    throw new Error(`mentor file refused: ${JSON.stringify(report.errors.slice(0, 3))}`)
  return rows.length
}

/**
 * Declares a recognition (erkend, 01/09/2024–31/08/2029) for every programme of every dual place
 * with an establishment number, through the recognition file (importRecognitions). Throws unless accepted.
 */
export async function reimportDualRecognitions(db: Parameters<typeof importRecognitions>[0]): Promise<void> {
  const places = await db
    .selectFrom('place as pl')
    .innerJoin('company as c', 'c.id', 'pl.company_id')
    .select(['c.kbo_number', 'pl.establishment_number', 'pl.programmes'])
    .where('pl.kind', '=', 'dual')
    .where('pl.establishment_number', 'is not', null)
    .execute()
  const rows = places.flatMap((p) =>
    p.programmes.map((programme) => ({
      ondernemingsnummer: p.kbo_number,
      vestigingseenheidsnummer: p.establishment_number!,
      studierichting: String(programme),
      erkenningsnummer: '',
      'geldig van': '01/09/2024',
      'geldig tot': '31/08/2029',
      status: 'erkend',
    })),
  )
  const report = await importRecognitions(db, {
    bytes: utf8(csv(table(RECOGNITION_HEADER, rows))),
    filename: 'erkenningen.csv',
    uploadedBy: 'hr@example.be',
    source: 'company',
  })
  if (report.outcome !== 'accepted')
    throw new Error(`recognition file refused: ${JSON.stringify(report.errors.slice(0, 3))}`)
}

// Puts a synthetic instance (packages/synthetic) into a migrated, seeded database: schools with a
// coordinator each, students, companies with a contact and their places.
import {
  type Database,
  insertPlaces,
  type PlaceInput,
  type StudentInput,
  upsertCompany,
  upsertSchool,
  upsertStudents,
} from '@stagebrug/db'
import type { Student } from '@stagebrug/matching-core'
import { generateInstance } from '@stagebrug/synthetic'
import type { Kysely } from 'kysely'

export function kbo(first8: number): string {
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

export interface Seeded {
  readonly today: string
  readonly students: number
  readonly places: number
  readonly schools: number
  readonly companies: number
}

export async function seedSynthetic(
  db: Kysely<Database>,
  options: { readonly students: number; readonly seed: number; readonly region?: string; readonly schoolYearStart?: number },
): Promise<Seeded> {
  const { input, today } = generateInstance(options)
  const schoolIds = new Map<string, string>()
  const bySchool = new Map<string, Student[]>()
  for (const s of input.students) bySchool.set(s.schoolId, [...(bySchool.get(s.schoolId) ?? []), s])
  let n = 0
  for (const [syntheticId, students] of bySchool) {
    n++
    const id = await upsertSchool(db, {
      name: `Campus ${n}`,
      instellingsnummer: String(100_000 + n),
      postcode: students[0]!.school.postcode,
    })
    schoolIds.set(syntheticId, id)
    await db
      .insertInto('coordinator')
      .values({ school_id: id, name: `Trajectbegeleider ${n}`, email: `tb${n}@school${n}.test` })
      .execute()
    const rows: StudentInput[] = students.map((s, i) => ({
      externalId: String(i + 1).padStart(6, '0'),
      firstName: 'Leerling',
      lastName: `Achternaam-${n}-${i + 1}`,
      birthDate: s.birthDate,
      programmeId: s.programme,
      grade: s.grade,
      homePostcode: s.home.postcode,
      competences: s.competences,
      interests: s.interests,
      // Wishes for a place or company name synthetic ids the database does not have.
      wishes: s.wishes.filter((w) => w.kind === 'sector'),
      availability: s.availability,
      maxTravelKm: s.maxTravelKm,
      seeks: s.seeks,
      workReadiness: s.workReadiness,
      needsInclusive: s.needsInclusiveWorkplace,
      priority: s.priority,
      drivingLicence: s.drivingLicence,
      firstTwoYearsDone: s.firstTwoYearsDone,
    }))
    await db.transaction().execute((trx) => upsertStudents(trx, id, rows))
  }
  const companyIds = new Map<string, string>()
  for (const p of input.places) {
    if (companyIds.has(p.companyId)) continue
    const k = companyIds.size + 1
    companyIds.set(
      p.companyId,
      await upsertCompany(db, {
        kboNumber: kbo(40_000_000 + k),
        name: `Bedrijf ${k}`,
        contactName: `Mentor ${k}`,
        contactEmail: `stage@bedrijf${k}.test`,
      }),
    )
  }
  const places: PlaceInput[] = input.places.map((p) => ({
    companyId: companyIds.get(p.companyId)!,
    establishmentPostcode: p.establishment.postcode,
    kind: p.kind,
    foreign: p.foreign,
    programmes: p.programmes,
    competences: p.competences,
    capacity: p.capacity,
    period: p.period,
    hours: p.hours,
    recognitions: p.recognitions,
    mentor: p.mentor,
    minimumAge: p.minimumAge,
    needsDrivingLicence: p.needsDrivingLicence,
    inclusive: p.inclusive,
    sector: p.sector,
  }))
  await insertPlaces(db, places)
  return {
    today,
    students: input.students.length,
    places: places.length,
    schools: schoolIds.size,
    companies: companyIds.size,
  }
}

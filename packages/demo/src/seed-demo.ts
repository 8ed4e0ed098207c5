// Puts synthetic instances (packages/synthetic) into a migrated, seeded database: schools with a
// coordinator each, students with names and addresses, companies with a contact and their places.
import {
  addPlaceMentors,
  type CompanyInput,
  type Database,
  insertPlaces,
  type MentorInput,
  type PlaceInput,
  type RecognitionInput,
  type StudentInput,
  upsertCompanies,
  upsertMentors,
  upsertRecognitions,
  upsertSchool,
  upsertStudents,
} from '@stagebrug/db'
import type { Mentor, Student } from '@stagebrug/matching-core'
import { generateInstance, Rng, type SyntheticInstance } from '@stagebrug/synthetic'
import type { Kysely } from 'kysely'
import { adultName, localPart, type Person, slug, studentName, UniqueNames } from './names.js'

export function kbo(first8: number): string {
  return `${String(first8).padStart(8, '0')}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

/**
 * An invented vestigingseenheidsnummer for an invented company's establishment: 2xxx.xxx.xxx with
 * valid mod-97 check digits (the validators accept it), never a real establishment's on purpose.
 */
export function establishmentNumber(n: number): string {
  const first8 = 20_000_000 + n
  return `${first8}${String(97 - (first8 % 97)).padStart(2, '0')}`
}

export interface SeedOptions {
  readonly students: number
  readonly seed: number
  /**
   * A named region key (e.g. 'reg-kempen'), several (the students are split evenly over them, region
   * i generated with seed + i), or none: all of Flanders.
   */
  readonly region?: string | readonly string[]
  /** Calendar year in which the school year starts; default 2026. */
  readonly schoolYearStart?: number
}

export interface Seeded {
  readonly today: string
  readonly students: number
  readonly places: number
  readonly schools: number
  readonly companies: number
}

/** Names of schools sharing a municipality, in order; after these, 'GO! Campus Geel 2', …. */
const SCHOOL_NAMES = ['GO! Campus', 'GO! Technisch Atheneum', 'GO! Atheneum'] as const

/**
 * Seeds the demo data set: the same options give the same schools, people, companies and places.
 * Students are split over the regions; every school gets one coordinator. Set-based inserts only.
 */
export async function seedSynthetic(db: Kysely<Database>, options: SeedOptions): Promise<Seeded> {
  const instances = splitOverRegions(options).map((o, i) => ({
    instance: generateInstance(o),
    rng: Rng.stream(options.seed + i, 'demo-people'),
  }))
  const postcodes = [
    ...new Set(instances.flatMap(({ instance }) => instance.input.students.map((s) => s.school.postcode))),
  ]
  const rows = postcodes.length
    ? await db
        .selectFrom('postcode')
        .select(['postcode', 'municipality'])
        .where('postcode', 'in', postcodes)
        .execute()
    : []
  const municipality = new Map(rows.map((r) => [r.postcode, r.municipality ?? r.postcode]))

  const schoolNames = new UniqueNames()
  const companyDomains = new UniqueNames()
  const coordinators: { school_id: string; name: string; email: string }[] = []
  const companies: CompanyInput[] = []
  const places: DemoPlace[] = []
  const domainOf = new Map<string, string>()
  // Recognitions go in as a company declares them (the import's repository function): per company ×
  // (invented) establishment × programme. Each dual place is its own establishment.
  const recognitions: (Omit<RecognitionInput, 'companyId'> & { kbo: string })[] = []
  let schools = 0
  let students = 0

  for (const { instance, rng } of instances) {
    for (const group of bySchool(instance.input.students)) {
      schools++
      const postcode = group[0]!.school.postcode
      const name = schoolName(schoolNames, municipality.get(postcode) ?? postcode)
      const domain = `${slug(name)}.test`
      const id = await upsertSchool(db, { name, instellingsnummer: String(100_000 + schools), postcode })
      const coordinator = adultName(rng)
      coordinators.push({
        school_id: id,
        name: fullName(coordinator),
        email: `${localPart(coordinator)}@${domain}`,
      })
      const addresses = new UniqueNames()
      const rows = group.map((s, i) => {
        const person = studentName(rng)
        return studentInput(s, i, person, `${addresses.take(localPart(person))}@leerling.${domain}`)
      })
      await db.transaction().execute((trx) => upsertStudents(trx, id, rows))
      students += rows.length
    }

    const kboOf = new Map<string, string>()
    // The database holds Belgian postcodes only; foreign (Erasmus+) places stay out.
    for (const p of instance.input.places.filter((p) => !p.foreign)) {
      let number = kboOf.get(p.companyId)
      if (number === undefined) {
        // 1xxx.xxx.xxx: valid numbers that start with 1, as new enterprises get them, written bare.
        number = kbo(10_000_000 + companies.length + 1)
        kboOf.set(p.companyId, number)
        const company = companyInput(instance, p.id, number, rng, companyDomains)
        companies.push(company)
        domainOf.set(number, company.contactEmail?.split('@')[1] ?? 'bedrijf.test')
      }
      const establishment = p.kind === 'dual' ? establishmentNumber(places.length + 1) : null
      places.push({
        ...placeInput(p),
        establishmentNumber: establishment,
        kbo: number,
        mentors: p.mentors,
        domain: domainOf.get(number) ?? 'bedrijf.test',
      })
      if (establishment !== null)
        for (const r of p.recognitions)
          recognitions.push({
            kbo: number,
            establishmentNumber: establishment,
            programmeId: r.programme,
            reference: null,
            validFrom: r.validFrom,
            validUntil: r.validTo,
            status: 'erkend',
            source: 'company',
          })
    }
  }
  if (coordinators.length > 0) await db.insertInto('coordinator').values(coordinators).execute()
  const companyIds = await upsertCompanies(db, companies)
  const placeIds = await insertPlaces(
    db,
    places.map(({ kbo, ...p }) => ({ ...p, companyId: companyIds.get(kbo)! })),
  )
  await seedMentors(db, places, placeIds, companyIds, options.seed)
  await upsertRecognitions(
    db,
    recognitions.map(({ kbo, ...r }) => ({ ...r, companyId: companyIds.get(kbo)! })),
  )
  return {
    today: instances[0]!.instance.today,
    students,
    places: places.length,
    schools,
    companies: companies.length,
  }
}

type DemoPlace = Omit<PlaceInput, 'companyId'> & {
  readonly kbo: string
  readonly mentors: readonly Mentor[]
  /** The company's invented e-mail domain (`….test`). */
  readonly domain: string
}

/**
 * The synthetic mentors of the dual places, written through the repository functions the mentor
 * file's import uses (upsertMentors, then the links): one invented person per place, keyed by an
 * invented e-mail at the company's `.test` domain. Names come from their own random stream, so
 * the rest of the demo stays as it was.
 */
async function seedMentors(
  db: Kysely<Database>,
  places: readonly DemoPlace[],
  placeIds: readonly string[],
  companyIds: ReadonlyMap<string, string>,
  seed: number,
): Promise<void> {
  const rng = Rng.stream(seed, 'demo-mentors')
  const addresses = new UniqueNames()
  const inputs: (MentorInput & { placeId: string })[] = []
  places.forEach((p, i) => {
    for (const m of p.mentors) {
      const person = adultName(rng)
      inputs.push({
        companyId: companyIds.get(p.kbo)!,
        placeId: placeIds[i]!,
        name: fullName(person),
        function: 'Mentor',
        email: `${addresses.take(localPart(person))}@${p.domain}`,
        birthDate: m.birthDate,
        declaredAtLeast25: m.declaredAtLeast25,
        ageWaiver23: m.ageWaiver,
        trainingCompleted: m.trainingCompleted,
        trainingDeadline: m.trainingDeadline,
      })
    }
  })
  if (inputs.length === 0) return
  await db.transaction().execute(async (trx) => {
    const { ids } = await upsertMentors(
      trx,
      inputs.map(({ placeId: _, ...m }) => m),
    )
    await addPlaceMentors(
      trx,
      inputs.map((m, i) => ({ placeId: m.placeId, mentorId: ids[i]!, companyId: m.companyId })),
    )
  })
}

function splitOverRegions(options: SeedOptions) {
  const { students, seed, region } = options
  const year = options.schoolYearStart === undefined ? {} : { schoolYearStart: options.schoolYearStart }
  if (region === undefined || typeof region === 'string')
    return [{ students, seed, ...year, ...(region === undefined ? {} : { region }) }]
  if (region.length === 0) throw new RangeError('seedSynthetic: region is an empty list')
  return region
    .map((key, i) => ({
      students: Math.floor(students / region.length) + (i < students % region.length ? 1 : 0),
      seed: seed + i,
      region: key,
      ...year,
    }))
    .filter((o) => o.students > 0)
}

function bySchool(students: readonly Student[]): Student[][] {
  const groups = new Map<string, Student[]>()
  for (const s of students) {
    const group = groups.get(s.schoolId)
    if (group) group.push(s)
    else groups.set(s.schoolId, [s])
  }
  return [...groups.values()]
}

function schoolName(taken: UniqueNames, municipality: string): string {
  for (const prefix of SCHOOL_NAMES) {
    const name = `${prefix} ${municipality}`
    if (taken.take(name) === name) return name
  }
  return taken.take(`${SCHOOL_NAMES[0]} ${municipality}`, ' ')
}

const fullName = (p: Person) => `${p.firstName} ${p.lastName}`

function studentInput(s: Student, i: number, person: Person, email: string): StudentInput {
  return {
    externalId: String(i + 1).padStart(6, '0'),
    firstName: person.firstName,
    lastName: person.lastName,
    email,
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
  }
}

/** 'Woonzorgcentrum De Linde, Geel' → company 'Woonzorgcentrum De Linde', contact at woonzorgcentrum-de-linde-geel.test. */
function companyInput(
  instance: SyntheticInstance,
  placeId: string,
  kboNumber: string,
  rng: Rng,
  domains: UniqueNames,
): CompanyInput {
  const label = instance.labels.places.get(placeId as never) ?? `Bedrijf ${kboNumber}`
  const contact = adultName(rng)
  return {
    kboNumber,
    name: label.split(',')[0]!.trim(),
    contactName: fullName(contact),
    contactEmail: `${localPart(contact)}@${domains.take(slug(label), '-')}.test`,
  }
}

function placeInput(p: SyntheticInstance['input']['places'][number]): Omit<PlaceInput, 'companyId'> {
  return {
    establishmentPostcode: p.establishment.postcode,
    kind: p.kind,
    foreign: p.foreign,
    programmes: p.programmes,
    competences: p.competences,
    capacity: p.capacity,
    period: p.period,
    hours: p.hours,
    minimumAge: p.minimumAge,
    needsDrivingLicence: p.needsDrivingLicence,
    inclusive: p.inclusive,
    sector: p.sector,
  }
}

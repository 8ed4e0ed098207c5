import { type Database, recognitionsOfPlace } from '@stagebrug/db'
import { ageOn, isoToYmd } from '@stagebrug/matching-core'
import type { Kysely } from 'kysely'
import { DocumentError } from '../errors.js'
import type { CompetenceRef, DocumentData } from './document-data.js'

export interface LoadOptions {
  /** The issue date printed on the documents (`YYYY-MM-DD`); default: today in Brussels. */
  readonly today?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const STATUS_NL = {
  proposed: 'voorgesteld',
  contacted: 'gecontacteerd',
  accepted: 'aanvaard',
  declined: 'geweigerd',
} as const

const brusselsToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date())

function notFound(proposalId: string): DocumentError {
  return new DocumentError(
    'PROPOSAL_NOT_FOUND',
    `Voorstel ${proposalId} bestaat niet`,
    `Proposal ${proposalId} does not exist`,
  )
}

/**
 * Everything the documents of an accepted proposal print, in three queries: the proposal with its
 * student, school, place and company; the school's coordinators; the competences involved. Throws
 * DocumentError `PROPOSAL_NOT_FOUND` or `PROPOSAL_NOT_ACCEPTED`; an unknown field is `null`, never
 * filled in.
 */
export async function loadDocumentData(
  db: Kysely<Database>,
  proposalId: string,
  options: LoadOptions = {},
): Promise<DocumentData> {
  if (!UUID.test(proposalId)) throw notFound(proposalId)
  const row = await db
    .selectFrom('proposal as pr')
    .innerJoin('student as s', 's.id', 'pr.student_id')
    .innerJoin('school as sc', 'sc.id', 's.school_id')
    .innerJoin('programme as prog', 'prog.id', 's.programme_id')
    .innerJoin('place as pl', 'pl.id', 'pr.place_id')
    .innerJoin('company as c', 'c.id', 'pl.company_id')
    .leftJoin('postcode as home', 'home.postcode', 's.home_postcode')
    .leftJoin('postcode as school_pc', 'school_pc.postcode', 'sc.postcode')
    .leftJoin('postcode as place_pc', 'place_pc.postcode', 'pl.establishment_postcode')
    .leftJoin('contact_release as cr', 'cr.proposal_id', 'pr.id')
    .select([
      'pr.status',
      's.first_name',
      's.last_name',
      's.birth_date',
      's.class',
      's.email',
      's.home_postcode',
      's.available_from',
      's.available_to',
      's.street as student_street',
      's.house_number as student_house_number',
      's.box as student_box',
      's.municipality as student_municipality',
      's.guardian_name',
      's.guardian_phone',
      's.guardian_email',
      's.programme_id',
      's.competences as student_competences',
      'home.municipality as home_municipality',
      'prog.title as programme_title',
      'prog.grade as programme_grade',
      'prog.duaal as programme_duaal',
      'sc.id as school_id',
      'sc.name as school_name',
      'sc.instellingsnummer',
      'sc.postcode as school_postcode',
      'sc.street as school_street',
      'sc.house_number as school_house_number',
      'sc.director_name',
      'sc.director_function',
      'sc.insurer',
      'sc.policy_number',
      'school_pc.municipality as school_municipality',
      'c.id as company_id',
      'c.name as company_name',
      'c.kbo_number',
      'c.contact_name',
      'c.contact_email',
      'c.contact_phone',
      'c.seat_street',
      'c.seat_house_number',
      'c.seat_postcode',
      'c.seat_municipality',
      'pl.kind',
      'pl.external_id',
      'pl.establishment_number',
      'pl.establishment_street',
      'pl.establishment_house_number',
      'pl.establishment_postcode',
      'pl.establishment_municipality',
      'place_pc.municipality as place_municipality',
      'pl.period_start',
      'pl.period_end',
      'pl.hours_start',
      'pl.hours_end',
      'pl.shift_work',
      'pl.sector',
      recognitionsOfPlace('pl').as('recognitions'),
      'pl.id as place_id',
      'pl.workstation',
      'pl.activities',
      'pl.risks',
      'pl.increased_risk',
      'pl.protective_measures',
      'pl.health_surveillance',
      'pl.health_surveillance_type',
      'pl.competences as place_competences',
      'cr.released_at',
    ])
    .where('pr.id', '=', proposalId)
    .executeTakeFirst()
  if (row === undefined) throw notFound(proposalId)
  if (row.status !== 'accepted') {
    throw new DocumentError(
      'PROPOSAL_NOT_ACCEPTED',
      `Voorstel ${proposalId} is ${STATUS_NL[row.status]}, niet aanvaard: documenten bestaan alleen voor een aanvaarde plaats`,
      `Proposal ${proposalId} is ${row.status}, not accepted: documents exist only for an accepted placement`,
    )
  }

  const placeCompetenceIds = row.place_competences.map((c) => c.id as number)
  const competenceIds = [...new Set([...row.student_competences, ...placeCompetenceIds])]
  const [coordinators, competences, mentor, supervisor] = await Promise.all([
    db
      .selectFrom('coordinator')
      .select(['name', 'email'])
      .where('school_id', '=', row.school_id)
      .orderBy('created_at')
      .orderBy('name')
      .execute(),
    competenceIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('competence').select(['id', 'code', 'text']).where('id', 'in', competenceIds).execute(),
    // The place's mentor for the documents: the first by name of those linked to it (mentor table, 0018).
    db
      .selectFrom('place_mentor as pm')
      .innerJoin('mentor as m', 'm.id', 'pm.mentor_id')
      .select(['m.name', 'm.function', 'm.email', 'm.training_completed', 'm.training_deadline'])
      .where('pm.place_id', '=', row.place_id)
      .orderBy('m.name')
      .orderBy('m.id')
      .limit(1)
      .executeTakeFirst(),
    // The school's stagebegeleider for the agreement: the first of its list (migration 0023).
    db
      .selectFrom('school_supervisor')
      .select(['name', 'email', 'phone'])
      .where('school_id', '=', row.school_id)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst(),
  ])
  const byId = new Map(competences.map((c) => [c.id, c]))
  const refs = (ids: readonly number[]): CompetenceRef[] =>
    ids
      .map((id) => byId.get(id))
      .filter((c): c is CompetenceRef => c !== undefined)
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))

  const period = ownPeriod(
    { start: row.available_from, end: row.available_to },
    { start: row.period_start, end: row.period_end },
  )
  return {
    proposalId,
    issuedOn: options.today ?? brusselsToday(),
    contactReleased: row.released_at !== null,
    student: {
      firstName: row.first_name,
      lastName: row.last_name,
      birthDate: row.birth_date,
      ageAtStart: ageOn(isoToYmd(row.birth_date), isoToYmd(period.start)),
      className: row.class,
      email: row.email,
      homePostcode: row.home_postcode,
      homeMunicipality: row.student_municipality ?? row.home_municipality,
      street: row.student_street,
      houseNumber: row.student_house_number,
      box: row.student_box,
      guardian:
        row.guardian_name === null && row.guardian_phone === null && row.guardian_email === null
          ? null
          : { name: row.guardian_name, phone: row.guardian_phone, email: row.guardian_email },
      period,
      programme: {
        id: row.programme_id,
        title: row.programme_title,
        grade: row.programme_grade,
        duaal: row.programme_duaal,
      },
      competences: refs(row.student_competences),
    },
    school: {
      id: row.school_id,
      name: row.school_name,
      instellingsnummer: row.instellingsnummer,
      postcode: row.school_postcode,
      municipality: row.school_municipality,
      street:
        row.school_street === null
          ? null
          : `${row.school_street}${row.school_house_number === null ? '' : ` ${row.school_house_number}`}`,
      director:
        row.director_name === null
          ? null
          : `${row.director_name}${row.director_function === null ? '' : `, ${row.director_function}`}`,
      insurance:
        row.insurer === null
          ? null
          : `${row.insurer}${row.policy_number === null ? '' : `, polis ${row.policy_number}`}`,
      supervisor:
        supervisor === undefined
          ? null
          : [supervisor.name, supervisor.email, supervisor.phone].filter((v): v is string => v !== null).join(', '),
      coordinators,
    },
    company: {
      id: row.company_id,
      name: row.company_name,
      kboNumber: row.kbo_number,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
      seat:
        row.seat_street === null || row.seat_postcode === null || row.seat_municipality === null
          ? null
          : `${row.seat_street}${row.seat_house_number === null ? '' : ` ${row.seat_house_number}`}, ${row.seat_postcode} ${row.seat_municipality}`,
    },
    place: {
      kind: row.kind,
      externalId: row.external_id,
      establishmentNumber: row.establishment_number,
      street: row.establishment_street,
      houseNumber: row.establishment_house_number,
      postcode: row.establishment_postcode ?? '',
      municipality: row.establishment_municipality ?? row.place_municipality,
      period: { start: row.period_start, end: row.period_end },
      hours: { start: row.hours_start, end: row.hours_end, shiftWork: row.shift_work },
      sector: row.sector.trim() === '' ? null : row.sector,
      recognition: row.recognitions.find((r) => r.programme === row.programme_id) ?? null,
      workstation: row.workstation,
      activities: row.activities,
      risks: row.risks,
      increasedRisk: row.increased_risk,
      protectiveMeasures: row.protective_measures,
      healthSurveillance: row.health_surveillance,
      healthSurveillanceType: row.health_surveillance_type,
      mentor: {
        name: mentor?.name ?? null,
        function: mentor?.function ?? null,
        email: mentor?.email ?? null,
        trainingCompleted: mentor?.training_completed ?? null,
        trainingDeadline: mentor?.training_deadline ?? null,
      },
      competences: refs(placeCompetenceIds),
    },
  }
}

/** The pupil's period within the place's window; the window when they do not overlap. */
function ownPeriod(
  pupil: { start: string; end: string },
  window: { start: string; end: string },
): { start: string; end: string } {
  const start = pupil.start > window.start ? pupil.start : window.start
  const end = pupil.end < window.end ? pupil.end : window.end
  return start <= end ? { start, end } : window
}

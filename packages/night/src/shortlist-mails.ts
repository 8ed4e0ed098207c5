import { companyCandidate } from '@stagebrug/company-view'
import type { OutboxMail, ReportProposal, RunReport } from '@stagebrug/db'
import {
  type CompanyPlace,
  type CoordinatorStudent,
  renderCompanyMail,
  renderCoordinatorMail,
} from '@stagebrug/mail'
import type { PlaceKind } from '@stagebrug/matching-core'
import type { WorkerSettings } from './deps.js'

const KIND_NL: Record<string, string> = {
  internship: 'Stageplaats',
  dual: 'Leerwerkplek',
  job: 'Job',
  aanloopfase: 'Aanloopfase',
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const x of xs) {
    const list = out.get(key(x)) ?? []
    list.push(x)
    out.set(key(x), list)
  }
  return out
}

/**
 * The shortlist mails of a run: one per coordinator (their school's students, with names and
 * reasons) and, when the run is published, one per company contact (their places, each candidate
 * exactly what `companyCandidate` of @stagebrug/company-view lets a company see, with a code keyed
 * by the server secret). Recipients without an address are returned in
 * `skipped` so the caller can log them.
 */
export function shortlistMails(
  report: RunReport,
  run: { readonly id: string; readonly today: string; readonly secret: Uint8Array },
  settings: Pick<WorkerSettings, 'platformName' | 'adminEmail' | 'publicUrl'>,
  publish: boolean,
): { mails: OutboxMail[]; skipped: string[] } {
  const mails: OutboxMail[] = []
  const skipped: string[] = []
  const byStudent = groupBy(report.proposals, (p) => p.studentId)
  const bySchool = groupBy(report.outcomes, (o) => o.schoolId)
  const stop = settings.adminEmail
    ? `Geen mails meer ontvangen? Schrijf naar ${settings.adminEmail}.`
    : 'Geen mails meer ontvangen? Vraag het aan de beheerder van Stagebrug.'
  const unsubscribeHref = settings.adminEmail ? `mailto:${settings.adminEmail}` : undefined

  for (const school of report.schools) {
    const students: CoordinatorStudent[] = (bySchool.get(school.id) ?? []).map((o) => ({
      name: `${o.firstName} ${o.lastName}`,
      className: o.className,
      programme: o.programme,
      status: o.status,
      proposals: (byStudent.get(o.studentId) ?? []).map((p) => ({
        rank: p.rank,
        kind: p.kind,
        companyName: p.companyName,
        municipality: `${p.place.municipality ?? p.place.postcode}${p.place.country ? ` (${p.place.country})` : ''}`,
        postcode: p.place.postcode,
        contact: p.schoolContact
          ? [p.schoolContact.name, p.schoolContact.phone, p.schoolContact.email]
              .filter((v) => v !== null)
              .join(', ')
          : null,
        score: p.score,
        reasons: p.reasons.map((r) => r.text),
      })),
      unmatchedReason: o.unmatchedReason,
    }))
    if (school.coordinators.length === 0)
      skipped.push(`school ${school.instellingsnummer}: geen trajectbegeleider`)
    for (const coordinator of school.coordinators) {
      const rendered = renderCoordinatorMail(
        {
          runId: run.id,
          runDate: run.today,
          coordinator: { name: coordinator.name, email: coordinator.email },
          school: { name: school.name, instellingsnummer: school.instellingsnummer },
          students,
          figuresUrl: settings.publicUrl
            ? `${settings.publicUrl.replace(/\/$/, '')}/runs/${run.id}/figures`
            : null,
        },
        {
          platformName: settings.platformName,
          why: `U ontvangt deze mail omdat u trajectbegeleider bent van ${school.name} in ${settings.platformName}.`,
          unsubscribe: stop,
          ...(unsubscribeHref ? { unsubscribeHref } : {}),
        },
      )
      mails.push({
        recipient: `coordinator:${coordinator.id}`,
        kind: 'coordinator',
        to: coordinator.email,
        ...rendered,
      })
    }
  }
  if (!publish) return { mails, skipped }

  const byCompany = groupBy(report.proposals, (p) => p.place.companyId)
  for (const company of report.companies) {
    if (!company.contactEmail) {
      skipped.push(`bedrijf ${company.kboNumber}: geen e-mailadres`)
      continue
    }
    const places: CompanyPlace[] = [
      ...groupBy(byCompany.get(company.id) ?? [], (p) => p.placeId).values(),
    ].map((proposals) => companyPlace(run, company.id, proposals, report.competences))
    const rendered = renderCompanyMail(
      {
        runId: run.id,
        runDate: run.today,
        contact: { name: company.contactName, email: company.contactEmail },
        company: { name: company.name, kboNumber: company.kboNumber },
        places,
      },
      {
        platformName: settings.platformName,
        why: `U ontvangt deze mail omdat ${company.name} plaatsen aanbiedt in ${settings.platformName} en u de contactpersoon bent.`,
        unsubscribe: stop,
        ...(unsubscribeHref ? { unsubscribeHref } : {}),
      },
    )
    mails.push({ recipient: `company:${company.id}`, kind: 'company', to: company.contactEmail, ...rendered })
  }
  return { mails, skipped }
}

function companyPlace(
  run: { readonly today: string; readonly secret: Uint8Array },
  companyId: string,
  proposals: readonly ReportProposal[],
  competences: ReadonlyMap<number, string>,
): CompanyPlace {
  const place = proposals[0]!.place
  const candidates = [...proposals]
    .sort(
      (a, b) =>
        kindOrder(a.kind) - kindOrder(b.kind) || b.score - a.score || a.studentId.localeCompare(b.studentId),
    )
    .map((p) =>
      companyCandidate({
        secret: run.secret,
        companyId,
        studentId: p.studentId,
        runDate: run.today,
        kind: p.kind,
        reasons: p.reasons,
        breakdown: p.breakdown,
        student: {
          programme: p.student.programme,
          grade: p.student.grade,
          competences: p.student.competences.map((id) => competences.get(id)).filter((t): t is string => !!t),
          availability: { start: p.student.availableFrom, end: p.student.availableTo },
          birthDate: p.student.birthDate,
          drivingLicence: p.student.drivingLicence,
        },
        place: { periodStart: place.periodStart, needsDrivingLicence: place.needsDrivingLicence },
      }),
    )
  return {
    label: `${KIND_NL[place.kind] ?? place.kind} ${place.sector} — ${place.municipality ?? place.postcode}`,
    kind: place.kind as PlaceKind,
    period: { start: place.periodStart, end: place.periodEnd },
    seats: place.capacity,
    candidates,
  }
}

const kindOrder = (k: string) => (k === 'pinned' ? 0 : k === 'allocated' ? 1 : 2)

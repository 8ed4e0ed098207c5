// pnpm demo [--students N] [--region reg-kempen] [--seed N] [--out DIR]
// The core pipeline on a generated Flemish data set: prints proposals with their reasons and a
// summary, and writes every shortlist to DIR (default out/demo) as JSON.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { explainProposal, explainUnmatched, type StudentOutcome } from '@stagebrug/matching-core'
import { loadNamedRegions } from '@stagebrug/reference-data'
import { generateInstance } from '@stagebrug/synthetic'
import { timedMatch } from './stages.js'
import { renderSummary } from './summary.js'

function fail(message: string): never {
  console.error(`demo: ${message}`)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    students: { type: 'string', default: '3000' },
    region: { type: 'string', default: 'reg-kempen' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: 'out/demo' },
  },
})
const students = Number(values.students)
const seed = Number(values.seed)
if (!Number.isInteger(students) || students < 1 || students > 200_000)
  fail(`--students must be 1–200000, got ${values.students}`)
if (!Number.isInteger(seed)) fail(`--seed must be an integer, got ${values.seed}`)
const regions = loadNamedRegions()
const region = values.region === 'vlaanderen' ? undefined : regions.find((r) => r.key === values.region)
if (values.region !== 'vlaanderen' && !region) {
  fail(
    `unknown --region ${values.region}; choose vlaanderen or one of ${regions.map((r) => r.key).join(', ')}`,
  )
}

const synthetic = generateInstance({ students, seed, ...(region ? { region: region.key } : {}) })
const { result, ms } = timedMatch(synthetic.input, { seed, today: synthetic.today })
const { labels } = synthetic
const studentLabel = (id: string) => labels.students.get(id as never) ?? id
const placeLabel = (id: string) => labels.places.get(id as never) ?? id
const byId = new Map(synthetic.input.students.map((s) => [s.id as string, s]))

console.log(
  `Stagebrug demo — ${region?.label ?? 'heel Vlaanderen'}, ${students} leerlingen, seed ${seed}, ${synthetic.today}\n`,
)
const show = (o: StudentOutcome) => {
  console.log(`${studentLabel(o.student)}`)
  if (o.unmatched)
    console.log(`   geen plaats: ${explainUnmatched(o.unmatched, byId.get(o.student)!.maxTravelKm)}`)
  for (const p of o.proposals) {
    const tag = p.kind === 'alternative' ? 'alternatief' : p.kind === 'pinned' ? 'manueel' : 'voorstel'
    console.log(
      `   ${p.rank}. [${tag}] ${placeLabel(p.place)} — score ${p.score}: ${explainProposal(p).join(', ')}`,
    )
  }
}
const sample = [
  ...result.students.filter((o) => o.status === 'matched').slice(0, 4),
  ...result.students.filter((o) => o.status === 'pinned').slice(0, 1),
  ...result.students.filter((o) => o.proposals.some((p) => p.priority)).slice(0, 1),
  ...result.students.filter((o) => o.status === 'unmatched').slice(0, 3),
]
for (const o of sample) show(o)
console.log(`\n${renderSummary(result.summary, ms)}`)

const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out)
mkdirSync(out, { recursive: true })
const withLabels = result.students.map((o) => ({
  ...o,
  label: studentLabel(o.student),
  unmatchedExplanation: o.unmatched ? explainUnmatched(o.unmatched, byId.get(o.student)!.maxTravelKm) : null,
  proposals: o.proposals.map((p) => ({ ...p, placeLabel: placeLabel(p.place), reasons: explainProposal(p) })),
}))
writeFileSync(join(out, 'students.json'), `${JSON.stringify(withLabels, null, 1)}\n`)
writeFileSync(
  join(out, 'places.json'),
  `${JSON.stringify(
    result.places.map((p) => ({ ...p, label: placeLabel(p.place) })),
    null,
    1,
  )}\n`,
)
writeFileSync(join(out, 'summary.json'), `${JSON.stringify({ ...result.summary, timingsMs: ms }, null, 2)}\n`)
console.log(`\nShortlists geschreven naar ${out}/ (students.json, places.json, summary.json)`)

// pnpm bench [sizes…] — the core pipeline on seeded synthetic Flemish instances.
// pnpm bench import [sizes…] — uploading a placement list and a place registration (bench-import.ts).
// pnpm bench night [sizes…] — one night of the real pipeline on PGlite, without Redis (bench-night.ts).
// Prints figures per stage and ends each size with one JSON line (see README "Performance").
import { generateInstance } from '@stagebrug/synthetic'
import { benchImport } from './bench-import.js'
import { benchNight } from './bench-night.js'
import { timedMatch } from './stages.js'

const SEED = 20261123
const args = process.argv.slice(2)
const stage = args[0] === 'import' || args[0] === 'night' ? args[0] : 'core'
const sizes = args
  .slice(stage === 'core' ? 0 : 1)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
if (stage === 'import') {
  for (const students of sizes.length > 0 ? sizes : [10_000]) await benchImport(students, SEED)
  process.exit(0)
}
if (stage === 'night') {
  for (const students of sizes.length > 0 ? sizes : [4_000, 20_000]) await benchNight(students, SEED)
  process.exit(0)
}
let peakRss = process.memoryUsage.rss()
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
}, 20)

for (const students of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const g0 = performance.now()
  const synthetic = generateInstance({ students, seed: SEED })
  const generateMs = Math.round(performance.now() - g0)
  const { result, ms } = timedMatch(synthetic.input, { seed: SEED, today: synthetic.today })
  peakRss = Math.max(peakRss, process.memoryUsage.rss())
  const s = result.summary
  const line = {
    bench: 'core',
    students: s.students,
    places: s.places,
    seats: s.seats,
    pairsConsidered: s.pairsConsidered,
    pairsScored: s.pairsScored,
    matched: s.matched + s.pinned,
    unmatched: s.unmatched,
    generateMs,
    indexMs: ms.index,
    scoreMs: ms.score,
    allocateMs: ms.allocate,
    shortlistMs: ms.shortlist,
    totalMs: ms.total,
    peakRssMb: Math.round(peakRss / 2 ** 20),
  }
  console.log(
    `\n== ${students.toLocaleString('en')} students, ${s.places.toLocaleString('en')} places, ${s.seats.toLocaleString('en')} seats (generated in ${generateMs} ms)`,
  )
  console.log(
    `   pairs considered ${s.pairsConsidered.toLocaleString('en')}, scored ${s.pairsScored.toLocaleString('en')}`,
  )
  console.log(
    `   index ${ms.index} ms · score ${ms.score} ms · allocate ${ms.allocate} ms · shortlist ${ms.shortlist} ms · total ${ms.total} ms`,
  )
  console.log(
    `   placed ${line.matched.toLocaleString('en')} (${((100 * line.matched) / s.students).toFixed(1)}%), peak RSS ${line.peakRssMb} MB`,
  )
  console.log(JSON.stringify(line))
}
clearInterval(sampler)

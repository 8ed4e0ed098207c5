import type { Place, PlaceKind, Student } from '@stagebrug/matching-core'
import { toDay } from './dates.js'
import { haversineRaw } from './geo.js'
import type { Rng } from './random.js'
import { kindFor } from './supply.js'

// Places per (programme, kind), stored column-wise: probing tens of thousands of scattered Place
// objects is dominated by cache misses, flat typed arrays are not.
interface Bucket {
  readonly places: readonly Place[]
  readonly lat: Float64Array
  readonly lon: Float64Array
  readonly start: Int32Array
  readonly end: Int32Array
  readonly foreign: Uint8Array
}

const keyOf = (programme: number, kind: PlaceKind) => `${programme}:${kind}`

export class PlaceIndex {
  private readonly buckets = new Map<string, Bucket>()

  constructor(places: readonly Place[]) {
    const lists = new Map<string, Place[]>()
    for (const p of places) {
      for (const programme of p.programmes) {
        const list = lists.get(keyOf(programme, p.kind))
        if (list) list.push(p)
        else lists.set(keyOf(programme, p.kind), [p])
      }
    }
    for (const [key, list] of lists) {
      const n = list.length
      const bucket = {
        places: list,
        lat: new Float64Array(n),
        lon: new Float64Array(n),
        start: new Int32Array(n),
        end: new Int32Array(n),
        foreign: new Uint8Array(n),
      }
      list.forEach((p, i) => {
        bucket.lat[i] = p.establishment.lat
        bucket.lon[i] = p.establishment.lon
        bucket.start[i] = toDay(p.period.start)
        bucket.end[i] = toDay(p.period.end)
        bucket.foreign[i] = p.foreign ? 1 : 0
      })
      this.buckets.set(key, bucket)
    }
  }

  /**
   * Places the student could take (programme, kind, overlapping period, within travel range or
   * abroad), nearest first. Looks at `probes` random places of the bucket, or at all of them when
   * the bucket is not larger than that.
   */
  near(rng: Rng, s: Student, probes: number): Place[] {
    const b = this.buckets.get(keyOf(s.programme, kindFor(s)))
    if (!b) return []
    const n = b.places.length
    const scan = probes >= n
    const from = toDay(s.availability.start)
    const to = toDay(s.availability.end)
    // cheap box pre-filter before the trigonometry (a degree of longitude is ≥ 69 km up to 51.6° N)
    const maxLat = s.maxTravelKm / 111
    const maxLon = s.maxTravelKm / 69
    const hits: { i: number; km: number }[] = []
    for (let k = 0; k < Math.min(probes, n); k++) {
      const i = scan ? k : rng.int(n)
      if ((b.start[i] as number) > to || (b.end[i] as number) < from) continue
      if (b.foreign[i]) {
        hits.push({ i, km: 0 })
        continue
      }
      const lat = b.lat[i] as number
      const lon = b.lon[i] as number
      if (Math.abs(lat - s.home.lat) > maxLat || Math.abs(lon - s.home.lon) > maxLon) continue
      const km = haversineRaw(s.home.lat, s.home.lon, lat, lon)
      if (km <= s.maxTravelKm) hits.push({ i, km })
    }
    hits.sort((x, y) => x.km - y.km || x.i - y.i)
    // random probes can hit a place twice; the tie-break on i puts repeats next to each other
    return hits.filter((h, k) => h.i !== hits[k - 1]?.i).map((h) => b.places[h.i] as Place)
  }
}

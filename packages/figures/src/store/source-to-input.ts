import type { FiguresSource, SourceArea } from '@stagebrug/db'
import { loadNamedRegions, postcodeIndex } from '@stagebrug/reference-data'
import type { FiguresInput, RegionRef } from '../compute/model.js'

/** A URL-friendly key of a province or arrondissement name: "Oost-Vlaanderen" → "oost-vlaanderen". */
export function regionSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * The regions of a postcode: its province and arrondissement (from the postcode table) and every
 * named region its municipality belongs to (from the reference data; a postcode can be in several).
 * Memoised per postcode, so the rows of one postcode share one array.
 */
export function regionResolver(): (area: SourceArea) => readonly RegionRef[] {
  const labels = new Map(loadNamedRegions().map((r) => [r.key, r.label]))
  const index = postcodeIndex()
  const cache = new Map<string, readonly RegionRef[]>()
  return (area) => {
    let regions = cache.get(area.postcode)
    if (!regions) {
      regions = Object.freeze([
        { level: 'province', key: regionSlug(area.province), label: area.province },
        { level: 'arrondissement', key: regionSlug(area.arrondissement), label: area.arrondissement },
        ...(index.get(area.postcode)?.regionKeys ?? []).map(
          (key): RegionRef => ({ level: 'region', key, label: labels.get(key) ?? key }),
        ),
      ] satisfies RegionRef[])
      cache.set(area.postcode, regions)
    }
    return regions
  }
}

const COUNTRY_NAMES = new Intl.DisplayNames(['nl-BE'], { type: 'region' })

/** The figures' region of a place abroad: its country, keyed by the lower-case ISO code ("fr", "Frankrijk"). */
export function countryRegion(code: string): RegionRef {
  const upper = code.toUpperCase()
  return { level: 'country', key: upper.toLowerCase(), label: COUNTRY_NAMES.of(upper) ?? upper }
}

/** Maps what the database holds for a run to the input of the pure computation. */
export function sourceToFiguresInput(source: FiguresSource): FiguresInput {
  const regionsOf = regionResolver()
  return {
    runId: source.run.id,
    today: source.run.today,
    outcomes: source.outcomes.map((o) => ({
      studentId: o.studentId,
      schoolId: o.schoolId,
      programmeId: o.programmeId,
      regions: regionsOf(o.home),
      status: o.status,
      placeId: o.placeId,
      unmatchedCode: o.unmatchedCode,
    })),
    accepted: source.accepted.map((a) => ({
      studentId: a.studentId,
      schoolId: a.schoolId,
      programmeId: a.programmeId,
      regions: regionsOf(a.home),
      placeId: a.placeId,
    })),
    places: source.places.map((p) => ({
      id: p.id,
      companyId: p.companyId,
      companyName: p.companyName,
      kind: p.kind,
      sector: p.sector,
      postcode: p.foreign ? '' : (p.area?.postcode ?? ''),
      municipality: p.foreign ? null : (p.area?.municipality ?? null),
      // Abroad: under its country only (none known yet: counted nowhere, never in a Belgian region).
      regions: p.foreign ? (p.country ? [countryRegion(p.country)] : []) : p.area ? regionsOf(p.area) : [],
      abroad: p.foreign,
      programmes: p.programmes,
      capacity: p.capacity,
      acceptedSeats: p.acceptedSeats,
      recognitions: p.recognitions,
      mentors: p.mentors,
    })),
    proposals: source.proposals,
    programmeTitles: new Map(source.programmes.map((p) => [p.id, p.title])),
    schoolNames: new Map(source.schools.map((s) => [s.id, s.name])),
  }
}

import type { PostcodeInfo } from '@stagebrug/reference-data'
import { PLACE_FIELDS } from '../headers/fields.js'
import { cell, Problem, type RowReport, text } from '../validate/cells.js'
import { countryCode } from '../validate/countries.js'
import type { Lookups } from './context.js'
import { labelOf, readPostcode } from './shared-cells.js'

const F = PLACE_FIELDS
const L = (key: string) => labelOf(F, key)

/** Where a place lies: in Belgium (a Belgian postcode) or abroad (a country, a city, an address). */
export interface PlaceSite {
  /** Null abroad. */
  readonly info: PostcodeInfo | null
  /** The municipality in Belgium, the city abroad. */
  readonly municipality: string | null
  /** ISO 3166-1 alpha-2 of a place abroad; null in Belgium. */
  readonly country: string | null
  /** The postcode abroad as written, when given. */
  readonly foreignPostcode: string | null
}

/** The registered seat (maatschappelijke zetel) of the company, as written in the file. */
export interface SeatRow {
  readonly street: string
  readonly houseNumber: string | null
  readonly postcode: string
  readonly municipality: string
}

const LOOKS_FOREIGN = /^(?=.*\d)[\p{L}\p{N}][\p{L}\p{N} -]{1,11}$/u

const C = {
  country: cell(L('country'), false, (v) => {
    const code = countryCode(v)
    return (
      code ??
      new Problem(
        `Land '${v}' is onbekend (verwacht België of een land van Erasmus+, bv. Nederland of NL)`,
        `Country '${v}' is unknown (expected Belgium or an Erasmus+ country, e.g. Netherlands or NL)`,
      )
    )
  }),
  foreignPostcode: cell(L('postcode'), false, (v) =>
    /^[\p{L}\p{N}][\p{L}\p{N} -]{0,11}$/u.test(v)
      ? v
      : new Problem(
          `Postcode '${v}' is geen geldige buitenlandse postcode`,
          `Postcode '${v}' is not a valid postcode abroad`,
        ),
  ),
  city: cell(L('municipality'), false, text),
  street: cell(L('street'), false, text),
  seatStreet: cell(L('seatStreet'), false, text),
  seatHouseNumber: cell(L('seatHouseNumber'), false, text),
  seatMunicipality: cell(L('seatMunicipality'), false, text),
}

/**
 * Reads the place's country, postcode and municipality. No country (or België): a Belgian postcode is
 * required and checked; another country: no Belgian postcode, but the city (gemeente) and the street.
 * A postcode that looks foreign without a country says the country is missing. Undefined on any error.
 */
export function readPlaceSite(report: RowReport, lookups: Lookups): PlaceSite | undefined {
  const before = report.errors.length
  const country = report.read('country', C.country)
  if (report.errors.length > before) return undefined // an unknown country: no second guess at the postcode
  if (country === undefined || country === 'BE') {
    const postcode = report.cell('postcode')
    // Only a postcode that looks like one abroad (letters and digits, e.g. 5611 AB, 75001, D02 X285) asks for
    // the country; anything else is a bad Belgian postcode (readPostcode says so).
    if (country === undefined && LOOKS_FOREIGN.test(postcode) && !/^\d{4}$/.test(postcode)) {
      report.fail(
        'postcode',
        `Postcode '${postcode}' is geen Belgische postcode; vul voor een plaats in het buitenland het land in (kolom Land)`,
        `Postcode '${postcode}' is not a Belgian postcode; give the country of a place abroad (column Land)`,
      )
      return undefined
    }
    const { info, municipality } = readPostcode(report, F, lookups)
    if (info === undefined || report.errors.length > before) return undefined
    return { info, municipality, country: null, foreignPostcode: null }
  }
  const foreignPostcode = report.read('postcode', C.foreignPostcode) ?? null
  const city = report.read('municipality', C.city)
  if (city === undefined)
    report.fail(
      'municipality',
      'Gemeente (stad) is verplicht voor een plaats in het buitenland',
      'Municipality (city) is required for a place abroad',
    )
  if (report.read('street', C.street) === undefined)
    report.fail(
      'street',
      'Straat is verplicht voor een plaats in het buitenland',
      'Street is required for a place abroad',
    )
  if (city === undefined || report.errors.length > before) return undefined
  return { info: null, municipality: city, country, foreignPostcode }
}

/**
 * Reads the company's registered seat: all blank is "not given" (null); otherwise street, a Belgian
 * postcode and its municipality are required (house number optional). Undefined on any error.
 */
export function readSeat(report: RowReport, lookups: Lookups): SeatRow | null | undefined {
  const keys = ['seatStreet', 'seatHouseNumber', 'seatPostcode', 'seatMunicipality'] as const
  if (keys.every((k) => report.cell(k) === '')) return null
  const before = report.errors.length
  const street = report.read('seatStreet', C.seatStreet)
  const houseNumber = report.read('seatHouseNumber', C.seatHouseNumber) ?? null
  const info = report.read(
    'seatPostcode',
    lookups.memo('seatPostcode', () => cell(L('seatPostcode'), false, (v) => lookups.postcode(v))),
  )
  const municipality = report.read('seatMunicipality', C.seatMunicipality)
  const incomplete = (key: (typeof keys)[number], nl: string, en: string) =>
    report.fail(
      key,
      `${nl} van de maatschappelijke zetel ontbreekt (straat, postcode en gemeente zijn verplicht als de zetel gegeven is)`,
      `${en} of the registered seat is missing (street, postcode and municipality are required when the seat is given)`,
    )
  if (street === undefined && report.cell('seatStreet') === '') incomplete('seatStreet', 'Straat', 'Street')
  if (info === undefined && report.cell('seatPostcode') === '')
    incomplete('seatPostcode', 'Postcode', 'Postcode')
  if (municipality === undefined) incomplete('seatMunicipality', 'Gemeente', 'Municipality')
  if (info !== undefined && municipality !== undefined) {
    const mismatch = lookups.municipalityMismatch(info, municipality)
    if (mismatch) report.fail('seatMunicipality', mismatch.nl, mismatch.en)
  }
  if (
    report.errors.length > before ||
    street === undefined ||
    info === undefined ||
    municipality === undefined
  )
    return undefined
  return { street, houseNumber, postcode: info.postcode, municipality }
}

// Parity between the uniform place registration file and JSON (issue 14): every column of the file has a
// JSON counterpart by the same name, in the request and in what GET /company/places answers. A new file
// column without one fails here. The company-level columns are the company's JSON (admin companies), the
// mentor columns the mentor's JSON.
import { ZCompanyInput } from '@stagebrug/admin'
import { PLACE_FIELDS, type PlaceField } from '@stagebrug/uploads'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ZMentorCreate } from '../src/schemas/mentors.js'
import { ZOwnPlace, ZPlaceFields } from '../src/schemas/places.js'

type Door = 'place' | 'company' | 'mentor'
// Where a file field lives in JSON when it is not a top-level key of the same name.
const NESTED: Partial<Record<PlaceField, readonly [Door, string]>> = {
  companyNumber: ['company', 'kboNumber'],
  companyName: ['company', 'name'],
  seatStreet: ['company', 'seat.street'],
  seatHouseNumber: ['company', 'seat.houseNumber'],
  seatPostcode: ['company', 'seat.postcode'],
  seatMunicipality: ['company', 'seat.municipality'],
  periodStart: ['place', 'period.start'],
  periodEnd: ['place', 'period.end'],
  startTime: ['place', 'hours.start'],
  endTime: ['place', 'hours.end'],
  shiftWork: ['place', 'hours.shiftWork'],
  // The place file's mentor columns fill the mentor table (part B); in JSON a mentor is registered on
  // its own (POST /company/mentors, linked to places by placeIds).
  mentorName: ['mentor', 'name'],
  mentorFunction: ['mentor', 'function'],
  mentorEmail: ['mentor', 'email'],
}

/** The keys of an object schema along a dotted path (unwrapping optional, nullable and pipes). */
function has(schema: z.ZodType, path: string): boolean {
  let s: z.ZodType | undefined = schema
  for (const key of path.split('.')) {
    while (s && !('shape' in s) && 'unwrap' in s) s = (s as unknown as { unwrap(): z.ZodType }).unwrap()
    const shape: Record<string, z.ZodType> | undefined = (
      s as unknown as { shape?: Record<string, z.ZodType> } | undefined
    )?.shape
    s = shape?.[key]
    if (s === undefined) return false
  }
  return true
}

describe('place registration: file and JSON parity', () => {
  it.each(PLACE_FIELDS.map((f) => [f.template, f.key] as const))(
    "file column '%s' (%s) has a JSON counterpart in the request and in the answer",
    (_template, key) => {
      const [door, path] = NESTED[key] ?? ['place', key]
      if (door !== 'place') {
        const [name, schema] =
          door === 'company' ? ['ZCompanyInput', ZCompanyInput] : ['ZMentorCreate', ZMentorCreate]
        expect(has(schema, path), `${name}.${path}`).toBe(true)
        return
      }
      expect(has(ZPlaceFields, path), `ZPlaceFields.${path}`).toBe(true)
      expect(has(ZOwnPlace, path), `ZOwnPlace.${path}`).toBe(true)
    },
  )

  it('the walk can fail: a made-up column has no counterpart', () => {
    expect(has(ZPlaceFields, 'noSuchColumn')).toBe(false)
    expect(has(ZPlaceFields, 'period.noSuchPart')).toBe(false)
  })

  it('both doors take the same place kinds: the file words and the older API codes', () => {
    for (const word of ['stage', 'duaal', 'job', 'aanloopfase', 'internship', 'dual', 'SAO', 'DA'])
      expect(ZPlaceFields.shape.kind.safeParse(word).success, word).toBe(true)
    expect(ZPlaceFields.shape.kind.parse('duaal')).toBe('dual')
    expect(ZPlaceFields.shape.kind.safeParse('vakantiejob').success).toBe(false)
  })
})

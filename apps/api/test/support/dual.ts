// The dual-learning setup the issue-14 suites share, entered through the doors only: company X's dual
// workplace DU-1 at its establishment by the place file, and school D's two duaal pupils by the
// placement list. Nothing is written into the database.
import { expect } from 'vitest'
import {
  csv,
  PLACE_HEADER,
  place,
  pupil,
  STUDENT_HEADER,
  table,
  utf8,
} from '../../../../test/support/upload-files.js'
import { GEEL, kbo, multipart, type World } from './world.js'

/** Logistiek duaal (structuuronderdeel 152). */
export const DUAAL = '152'
/** Company X's establishment (vestigingseenheidsnummer with valid check digits). */
export const ESTABLISHMENT = '2147812701'

/** Company X registers the dual workplace DU-1 by the place file; returns its id. */
export async function uploadDualPlace(w: World): Promise<string> {
  const header = [...PLACE_HEADER, 'vestigingseenheidsnummer']
  const res = await w.call('companyX', {
    method: 'POST',
    url: '/company/uploads/places',
    ...multipart(
      'plaatsen.csv',
      utf8(
        csv(
          table(header, [
            place('DU-1', {
              ondernemingsnummer: kbo(1),
              bedrijfsnaam: 'Zorgcentrum X',
              vestigingseenheidsnummer: '2.147.812.701',
              postcode: GEEL,
              gemeente: 'Geel',
              soort: 'duaal',
              studierichtingen: DUAAL,
            }),
          ]),
        ),
      ),
    ),
  })
  expect(res.statusCode, res.body).toBe(200)
  return (
    await w.db.selectFrom('place').select('id').where('external_id', '=', 'DU-1').executeTakeFirstOrThrow()
  ).id
}

/** School D (3004) uploads two duaal pupils, d1 and d2, living in Geel. */
export async function uploadDuaalPupils(w: World): Promise<void> {
  const res = await w.call('schoolD', {
    method: 'POST',
    url: '/school/uploads/students',
    ...multipart(
      'leerlingen.csv',
      utf8(
        csv(
          table(
            STUDENT_HEADER,
            ['d1', 'd2'].map((id) =>
              pupil(id, {
                instellingsnummer: '3004',
                studierichting: DUAAL,
                traject: 'duaal',
                postcode: GEEL,
                gemeente: 'Geel',
              }),
            ),
          ),
        ),
      ),
    ),
  })
  expect(res.statusCode, res.body).toBe(200)
}

import type { Selectable } from 'kysely'

/** A Belgian postcode with its centroid (WGS84). */
export interface PostcodeTable {
  postcode: string
  municipality: string | null
  lat: number
  lon: number
  province: string
  arrondissement: string
}
export type PostcodeRow = Selectable<PostcodeTable>

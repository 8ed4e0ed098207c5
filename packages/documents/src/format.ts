// Dutch (nl-BE) formatting of the values the documents print.

/** `2027-02-01` → `01/02/2027`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** `0403019261` → `0403.019.261`. */
export function formatKbo(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
}

/** `2147812701` → `2.147.812.701`. */
export function formatEstablishmentNumber(digits: string): string {
  return `${digits.slice(0, 1)}.${digits.slice(1, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
}

/** `08:00`, `16:30` → `08:00 tot 16:30`. */
export function formatHours(start: string, end: string): string {
  return `${start} tot ${end}`
}

export const yesNo = (value: boolean): string => (value ? 'ja' : 'nee')

/** `Kerkstraat`, `12` → `Kerkstraat 12`; null when the street is unknown. */
export function streetLine(street: string | null, houseNumber: string | null): string | null {
  if (street === null) return null
  return houseNumber === null ? street : `${street} ${houseNumber}`
}

/** `2440`, `Geel` → `2440 Geel`. */
export function postcodeLine(postcode: string, municipality: string | null): string {
  return municipality === null ? postcode : `${postcode} ${municipality}`
}

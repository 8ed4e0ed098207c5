/** The school year a date falls in (1 September to 31 August): `2027-02-01` → `2026-2027`. */
export function schoolYear(iso: string): string {
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7))
  const start = month >= 9 ? year : year - 1
  return `${start}-${start + 1}`
}

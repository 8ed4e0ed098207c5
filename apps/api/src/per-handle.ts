/**
 * One value per database handle, made on first use: every app built on the same handle (tests build
 * several) shares it, and it goes away with the handle.
 */
export function perHandle<H extends object, T>(create: (db: H) => T): (db: H) => T {
  const values = new WeakMap<H, T>()
  return (db) => {
    let value = values.get(db)
    if (value === undefined) {
      value = create(db)
      values.set(db, value)
    }
    return value
  }
}

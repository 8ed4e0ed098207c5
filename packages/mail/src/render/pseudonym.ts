// The travel band and age flags live in @stagebrug/company-view (the one company view); mail
// re-exports them for its importers.
export { ageFlags, travelBand } from '@stagebrug/company-view'

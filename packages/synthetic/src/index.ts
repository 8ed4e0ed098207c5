export { type Catalogue, loadCatalogue, type ResolvedProgramme } from './catalogue.js'
export { type Area, HOME_RADIUS_KM, haversineKm, loadAreas } from './geo.js'
export {
  type GenerateOptions,
  generateInstance,
  PLACES_PER_STUDENT,
  SEATS_PER_STUDENT,
  STUDENTS_PER_SCHOOL,
  type SyntheticInstance,
} from './instance.js'
export { type Field, type MixEntry, PROGRAMME_MIX } from './programme-mix.js'
export { Rng, WeightedTable } from './random.js'

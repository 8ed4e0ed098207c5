export { ATTRIBUTION } from './attribution.js'
export {
  type Competence,
  competencesOfProgramme,
  competencesOfQualification,
  loadCompetences,
} from './competences.js'
export { type EscoOccupation, loadEscoOccupations } from './esco.js'
export type { BelgianRegion } from './geo-rows.js'
export { loadMunicipalities, type Municipality } from './municipalities.js'
export { loadPostcodes, type PostcodeInfo, postcodeIndex } from './postcodes.js'
export {
  type Finality,
  loadProgrammes,
  type Programme,
  programmeById,
  relatedProgrammePairs,
} from './programmes.js'
export { loadQualifications, type Qualification } from './qualifications.js'
export { loadNamedRegions, type NamedRegion } from './regions.js'

// The risk checklist of a werkpostfiche (Part B), as a company registers it for a place. The list
// follows the school-group template in domain.md §9.6 [S16]: codes are stable (they are stored),
// labels are what documents print.

export const WORKPLACE_RISK_CODES = [
  'val-gelijkvloers',
  'val-hoogte',
  'vallende-voorwerpen',
  'snijden',
  'knellen',
  'projectielen',
  'brand',
  'elektriciteit',
  'alleenwerk',
  'lawaai',
  'trillingen',
  'temperatuur',
  'vocht',
  'stof',
  'gassen-dampen',
  'andere-agentia',
] as const

export type WorkplaceRiskCode = (typeof WORKPLACE_RISK_CODES)[number]

/** The Dutch label of each risk code, as the werkpostfiche prints it. */
export const WORKPLACE_RISK_LABELS_NL: Readonly<Record<WorkplaceRiskCode, string>> = {
  'val-gelijkvloers': 'Vallen op hetzelfde niveau (uitglijden, struikelen)',
  'val-hoogte': 'Vallen van hoogte',
  'vallende-voorwerpen': 'Vallende voorwerpen',
  snijden: 'Snijden, prikken',
  knellen: 'Knellen, pletten',
  projectielen: 'Wegspringende deeltjes (projectielen)',
  brand: 'Hitte, brand',
  elektriciteit: 'Elektriciteit',
  alleenwerk: 'Geïsoleerd werk (alleenwerk)',
  lawaai: 'Lawaai',
  trillingen: 'Trillingen',
  temperatuur: 'Warmte of koude',
  vocht: 'Vochtigheid',
  stof: 'Stof',
  'gassen-dampen': 'Gassen, dampen',
  'andere-agentia': 'Andere agentia (chemisch, biologisch)',
}

/** True for a code of the checklist. */
export function isWorkplaceRiskCode(code: string): code is WorkplaceRiskCode {
  return Object.hasOwn(WORKPLACE_RISK_LABELS_NL, code)
}

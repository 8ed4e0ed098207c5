// The curated programme mix of the synthetic student population. Data only; README.md explains it.
//
// Titles and grades are real structuuronderdelen of the modernised matrix (reference-data resolves them
// to ids, so a typo fails loudly). Weights are relative shares of students, shaped like a GO! school
// with a labour-market offer: Handel (economy and organisation) and Personenzorg (care) together take
// about 60%, the technical, horeca, hair and green programmes share the rest.
//
// SYNTHETIC HEURISTIC: `qualifications` links each programme to beroepskwalificaties whose competences
// serve as that programme's vocabulary. The official data has no programme → BK link; these lists are
// our own judgement of which occupations a pupil of the programme is trained towards.

export type Field =
  | 'handel'
  | 'personenzorg'
  | 'elektriciteit'
  | 'mechanica'
  | 'bouw'
  | 'hout'
  | 'horeca'
  | 'voeding'
  | 'haar-schoonheid'
  | 'auto'
  | 'groen'

export interface MixEntry {
  readonly title: string
  readonly grade: 2 | 3
  readonly field: Field
  /** Relative share of students. */
  readonly weight: number
  /** BK ids (synthetic heuristic, see above). */
  readonly qualifications: readonly string[]
  /** Sectors of the workplaces that take these pupils; also the sector wishes students make. */
  readonly sectors: readonly string[]
}

const RETAIL = 'Detailhandel'
const OFFICE = 'Kantoor en administratie'
const LOGISTICS = 'Logistiek en distributie'
const ELDERLY = 'Ouderenzorg'

export const PROGRAMME_MIX: readonly MixEntry[] = [
  // Handel: 32
  m(
    'Onthaal, organisatie en sales',
    3,
    'handel',
    11,
    ['BK-0203-3', 'BK-0390-2', 'BK-0068-2', 'BK-0447-2'],
    [RETAIL, OFFICE],
  ),
  m('Logistiek', 3, 'handel', 6, ['BK-0002-3', 'BK-0104-3'], [LOGISTICS, 'Groothandel']),
  m('Organisatie en logistiek', 2, 'handel', 4, ['BK-0002-3', 'BK-0068-2', 'BK-0203-3'], [LOGISTICS, RETAIL]),
  m('Bedrijf en organisatie', 2, 'handel', 2, ['BK-0203-3', 'BK-0390-2'], [OFFICE]),
  m('Commerciële organisatie', 3, 'handel', 4, ['BK-0447-2', 'BK-0068-2', 'BK-0390-2'], [RETAIL, OFFICE]),
  m('Bedrijfsorganisatie', 3, 'handel', 3, ['BK-0203-3', 'BK-0390-2'], [OFFICE]),
  m(
    'Internationale handel en logistiek',
    3,
    'handel',
    2,
    ['BK-0104-3', 'BK-0203-3'],
    [LOGISTICS, 'Groothandel'],
  ),
  // Personenzorg: 27
  m(
    'Basiszorg en ondersteuning',
    3,
    'personenzorg',
    9,
    ['BK-0489-1', 'BK-0243-2'],
    [ELDERLY, 'Ziekenhuis', 'Thuiszorg'],
  ),
  m(
    'Assistentie in wonen, zorg en welzijn',
    3,
    'personenzorg',
    8,
    ['BK-0489-1', 'BK-0215-3', 'BK-0198-3'],
    [ELDERLY, 'Gehandicaptenzorg', 'Thuiszorg'],
  ),
  m('Zorg en welzijn', 2, 'personenzorg', 4, ['BK-0489-1', 'BK-0215-3'], [ELDERLY, 'Gehandicaptenzorg']),
  m('Gezondheidszorg', 3, 'personenzorg', 3, ['BK-0243-2', 'BK-0004-2'], ['Ziekenhuis', 'Tandartspraktijk']),
  m('Opvoeding en begeleiding', 3, 'personenzorg', 3, ['BK-0269-3'], ['Kinderopvang']),
  // Techniek, horeca, haar, groen: 39
  m('Elektrische installaties', 3, 'elektriciteit', 4, ['BK-0140-3'], ['Elektrotechniek']),
  m(
    'Elektromechanische technieken',
    3,
    'elektriciteit',
    1,
    ['BK-0024-3', 'BK-0140-3'],
    ['Industrie', 'Elektrotechniek'],
  ),
  m('Mechanische vormgeving', 3, 'mechanica', 2, ['BK-0259-3', 'BK-0236-4'], ['Metaalbewerking']),
  m('Lassen-constructie', 3, 'mechanica', 2, ['BK-0236-4'], ['Metaalbewerking']),
  m('Mechanica', 2, 'mechanica', 1, ['BK-0259-3', 'BK-0236-4'], ['Metaalbewerking']),
  m('Productie-industrie', 3, 'mechanica', 1, ['BK-0014-3', 'BK-0017-3'], ['Industrie']),
  m('Ruwbouw', 3, 'bouw', 2, ['BK-0168-3', 'BK-0032-3'], ['Bouw']),
  m('Afwerking bouw', 3, 'bouw', 2, ['BK-0130-5', 'BK-0169-3', 'BK-0168-3'], ['Bouw']),
  m('Binnenschrijnwerk en interieur', 3, 'hout', 2, ['BK-0038-3'], ['Schrijnwerkerij']),
  m('Restaurant en keuken', 3, 'horeca', 4, ['BK-0198-3', 'BK-0076-3', 'BK-0251-4'], ['Horeca']),
  m('Restaurant en keuken', 2, 'horeca', 1.5, ['BK-0198-3', 'BK-0076-3'], ['Horeca']),
  m('Grootkeuken en catering', 3, 'horeca', 2, ['BK-0198-3', 'BK-0251-4'], ['Catering', ELDERLY]),
  m('Horeca', 3, 'horeca', 1.5, ['BK-0251-4', 'BK-0076-3'], ['Horeca', 'Hotel']),
  m(
    'Brood- en banketbakkerij',
    3,
    'voeding',
    1.5,
    ['BK-0018-3', 'BK-0019-3', 'BK-0020-3', 'BK-0021-3'],
    ['Bakkerij'],
  ),
  m('Haarverzorging', 3, 'haar-schoonheid', 2.5, ['BK-0090-2'], ['Kapsalon']),
  m('Schoonheidsverzorging', 3, 'haar-schoonheid', 1, ['BK-0225-2'], ['Schoonheidssalon']),
  m(
    'Haar- en schoonheidsverzorging',
    2,
    'haar-schoonheid',
    1.5,
    ['BK-0090-2', 'BK-0225-2'],
    ['Kapsalon', 'Schoonheidssalon'],
  ),
  m('Onderhoudsmechanica auto', 3, 'auto', 3.5, ['BK-0178-3', 'BK-0179-3'], ['Autogarage']),
  m('Koetswerk', 3, 'auto', 1, ['BK-0121-3'], ['Carrosserie']),
  m('Groenaanleg en -beheer', 3, 'groen', 2, ['BK-0133-3'], ['Groenvoorziening']),
]

function m(
  title: string,
  grade: 2 | 3,
  field: Field,
  weight: number,
  qualifications: readonly string[],
  sectors: readonly string[],
): MixEntry {
  return { title, grade, field, weight, qualifications, sectors }
}

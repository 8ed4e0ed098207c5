import type { Rng } from './random.js'

// Invented establishment names for the demo. They only need to read like Flemish workplaces; any
// resemblance to a real company is accidental.

const KINDS: Readonly<Record<string, readonly string[]>> = {
  Detailhandel: [
    'Supermarkt',
    'Kledingzaak',
    'Doe-het-zelfzaak',
    'Schoenwinkel',
    'Tuincentrum',
    'Boekhandel',
  ],
  'Kantoor en administratie': ['Boekhoudkantoor', 'Verzekeringskantoor', 'Interimkantoor', 'Notariskantoor'],
  'Logistiek en distributie': ['Distributiecentrum', 'Transport', 'Logistiek', 'Koeriersdienst'],
  Groothandel: ['Groothandel', 'Import-export'],
  Ouderenzorg: ['Woonzorgcentrum', 'Zorgcentrum', 'Assistentiewoningen'],
  Gehandicaptenzorg: ['Zorginstelling', 'Dagcentrum', 'Begeleid wonen'],
  Thuiszorg: ['Thuiszorg', 'Gezinszorg'],
  Ziekenhuis: ['AZ', 'Ziekenhuis', 'Revalidatiecentrum'],
  Tandartspraktijk: ['Tandartsenpraktijk', 'Tandheelkunde'],
  Kinderopvang: ['Kinderdagverblijf', 'Kinderopvang', 'Buitenschoolse opvang'],
  Elektrotechniek: ['Elektro', 'Elektriciteitswerken', 'Installatiebedrijf'],
  Industrie: ['Productie', 'Industries', 'Fabriek'],
  Metaalbewerking: ['Metaalconstructie', 'Machinebouw', 'Laswerken'],
  Bouw: ['Bouwbedrijf', 'Aannemer', 'Renovatie'],
  Schrijnwerkerij: ['Schrijnwerkerij', 'Interieurbouw', 'Houtatelier'],
  Horeca: ['Restaurant', 'Brasserie', 'Bistro', 'Eetcafé'],
  Hotel: ['Hotel', 'Hotel-restaurant'],
  Catering: ['Traiteur', 'Catering', 'Grootkeuken'],
  Bakkerij: ['Bakkerij', 'Banketbakkerij', 'Brood & Banket'],
  Kapsalon: ['Kapsalon', 'Haarstudio', 'Coiffure'],
  Schoonheidssalon: ['Schoonheidsinstituut', 'Beautysalon'],
  Autogarage: ['Garage', 'Autocenter', 'Bandencentrale'],
  Carrosserie: ['Carrosserie', 'Koetswerkherstelling'],
  Groenvoorziening: ['Tuinaanleg', 'Groenvoorziening', 'Hoveniersbedrijf'],
}

const EVOCATIVE = [
  'De Linde',
  'Ter Meeren',
  'Sint-Jozef',
  'De Vlinder',
  'Het Anker',
  'De Zonnebloem',
  'Ter Heide',
  'De Witte Molen',
  'Hof ter Linden',
  'De Regenboog',
  'Den Olm',
  'Ter Beuken',
  'De Kade',
  'Het Zonnehuis',
  'De Biekorf',
  'Ten Kerselaere',
]

const FAMILY = [
  'Peeters',
  'Janssens',
  'Maes',
  'Jacobs',
  'Mertens',
  'Willems',
  'Claes',
  'Goossens',
  'Wouters',
  'De Smet',
  'Van den Bossche',
  'Verhoeven',
  'Hermans',
  'Aerts',
  'Vermeulen',
  'Desmet',
  'Lambrechts',
  'Van Damme',
  'Dubois',
  'Verstraete',
]

// Care and childcare establishments tend to carry a name; trades a family name.
const NAMED_SECTORS = new Set(['Ouderenzorg', 'Gehandicaptenzorg', 'Kinderopvang', 'Ziekenhuis', 'Hotel'])

/** e.g. 'Woonzorgcentrum De Linde' or 'Garage Peeters'. */
export function establishmentName(rng: Rng, sector: string): string {
  const kind = rng.pick(KINDS[sector] ?? ['Bedrijf'])
  const name = rng.pick(NAMED_SECTORS.has(sector) ? EVOCATIVE : FAMILY)
  return `${kind} ${name}`
}

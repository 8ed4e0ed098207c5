// Abbreviations that schools and companies type in free text, keyed by their normalised form
// (lowercase, no accents, punctuation already turned into spaces). Keys with spaces are phrases:
// "O.L.V." normalises to "o l v" before expansion. Words that are already full ("zorg", "bso",
// "horeca", "bouw") are deliberately absent: absent means "keep as typed".
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'sint',
  olv: 'onze lieve vrouw',
  'o l v': 'onze lieve vrouw',
  elektromech: 'elektromechanica',
  mech: 'mechanica',
  techn: 'technieken',
  elek: 'elektriciteit',
  elektr: 'elektriciteit',
  inst: 'installaties',
  verz: 'verzorging',
  hnd: 'handel',
  adm: 'administratie',
  kant: 'kantoor',
  log: 'logistiek',
  ond: 'onderhoud',
  verk: 'verkoop',
  boekh: 'boekhouding',
}

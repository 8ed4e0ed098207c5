/** Lowercase, accents and apostrophes dropped, hyphens and spaces unified: "Strombeek - Bever" → "strombeek bever". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s-]+/g, ' ')
    .trim()
}

/**
 * GeoNames place names that do not appear in flemish_municipalities.csv, mapped to a name that does.
 * Mostly French names of Flemish facility municipalities, plus bpost suffixes ("-Waas") and
 * villages the deelgemeenten list lacks. Keys and values are matched after `normaliseName`.
 */
export const PLACE_ALIASES: Readonly<Record<string, string>> = {
  // French names used by GeoNames for facility municipalities
  Biévène: 'Bever',
  'Rhode-Saint-Genèse': 'Sint-Genesius-Rode',
  Fourons: 'Voeren',
  'Fouron-Saint-Martin': 'Sint-Martens-Voeren',
  'Fouron-Saint-Pierre': 'Sint-Pieters-Voeren',
  'Fouron-Le-Comte': "'s Gravenvoeren",
  Mouland: 'Moelingen',
  'Espierres-Helchin': 'Spiere-Helkijn',
  Espierres: 'Spiere',
  Helchin: 'Helkijn',
  Messines: 'Mesen',
  Renaix: 'Ronse',
  // bpost / GeoNames spellings
  'Heist-Aan-Zee': 'Heist',
  'Sinaai-Waas': 'Sinaai',
  'Beveren-Waas': 'Beveren',
  'Moerbeke-Waas': 'Moerbeke',
  'Beveren-Aan-De-Ijzer': 'Beveren',
  'Sint-Gillis-Dendermonde': 'Sint-Gillis-bij-Dendermonde',
  'Val-Meer': 'Valmeer',
  Gutshoven: 'Gutschoven',
  // villages missing from the (unofficial) deelgemeenten list
  Gestel: 'Berlaar',
  Wijgmaal: 'Leuven',
  Driekapellen: 'Diksmuide',
}

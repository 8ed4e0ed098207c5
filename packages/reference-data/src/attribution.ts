/** Attribution lines to show wherever this data (or results derived from it) is published. */
export const ATTRIBUTION: readonly string[] = Object.freeze([
  'Postcodes and coordinates: GeoNames (https://www.geonames.org), CC BY 4.0, via zauberware/postal-codes-json-xml-csv',
  'Municipalities and deelgemeenten: Agentschap Onroerend Erfgoed, OnroerendErfgoed/deelgemeenten (doi:10.5281/zenodo.4923097), CC BY 4.0',
  'Inhabitants 2020: Statbel, via vandenbroucke/belgian_municipalities (licence to be confirmed)',
  'Regions: publiq vzw, UiTdatabank documentation (cultuurnet/uit-documentatie) (licence to be confirmed)',
  'Bron: Vlaamse overheid, Departement Onderwijs en Vorming (API Structuuronderdelen) (licentie nog te bevestigen)',
  'Bron: Vlaamse overheid, Vlaamse kwalificatiestructuur (API Beroepskwalificaties) (licentie nog te bevestigen)',
  'ESCO, © European Union',
])

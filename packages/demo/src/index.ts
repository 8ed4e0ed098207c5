// @stagebrug/demo — demo data in a database. Explicit exports only.

export { kbo, type Seeded, type SeedOptions, seedSynthetic } from './seed-demo.js'

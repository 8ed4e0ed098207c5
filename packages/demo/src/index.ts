// @stagebrug/demo — demo data in a database. Explicit exports only.

export { kbo, type Seeded, seedSynthetic } from './seed-demo.js'

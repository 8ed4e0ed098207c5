// @stagebrug/contracts — zod schemas at the edges (Z-prefixed schema, T-prefixed type).
export { type TMatchConfig, ZMatchConfig } from './match-config.js'

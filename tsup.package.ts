import { defineConfig } from 'tsup'

// Every package builds the same way: one ESM entry with declarations, for Node 22 and later.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node22',
})

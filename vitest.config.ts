import { defineConfig } from 'vitest/config'

// One project per workspace folder; every package resolves its siblings from source.
export default defineConfig({
  resolve: { conditions: ['@stagebrug/source'] },
  ssr: { resolve: { conditions: ['@stagebrug/source'] } },
  test: {
    projects: ['packages/*', 'apps/*', 'test'],
  },
})

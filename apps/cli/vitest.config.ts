import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@stagebrug/source'] },
  ssr: { resolve: { conditions: ['@stagebrug/source'] } },
  test: { name: 'cli', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
})

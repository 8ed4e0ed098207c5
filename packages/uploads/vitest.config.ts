import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@stagebrug/source'] },
  ssr: { resolve: { conditions: ['@stagebrug/source'] } },
  test: { name: 'uploads', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
})

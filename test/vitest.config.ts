import { defineProject } from 'vitest/config'

export default defineProject({
  resolve: { conditions: ['@stagebrug/source'] },
  ssr: { resolve: { conditions: ['@stagebrug/source'] } },
  test: { name: 'cross-package', include: ['**/*.test.ts'], exclude: ['node_modules/**'] },
})

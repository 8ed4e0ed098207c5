import { defineProject, type UserWorkspaceConfig } from 'vitest/config'

type ProjectTest = NonNullable<UserWorkspaceConfig['test']>

// The one shape every workspace project shares: siblings resolve from source, and database-backed
// suites get timeouts that hold on a busy 2-core CI machine (PGlite migrations take seconds there).
export function stagebrugProject(name: string, test: ProjectTest = {}) {
  return defineProject({
    resolve: { conditions: ['@stagebrug/source'] },
    ssr: { resolve: { conditions: ['@stagebrug/source'] } },
    test: {
      name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...test,
    },
  })
}

import { stagebrugProject } from '../vitest.project.js'

export default stagebrugProject('cross-package', { include: ['**/*.test.ts'], exclude: ['node_modules/**'] })

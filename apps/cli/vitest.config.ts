import { stagebrugProject } from '../../vitest.project.js'

export default stagebrugProject('cli', { testTimeout: 60_000 })

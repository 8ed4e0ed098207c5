import { stagebrugProject } from '../../vitest.project.js'

export default stagebrugProject('admin')

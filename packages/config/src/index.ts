// @stagebrug/config — the environment, parsed once at start-up. Explicit exports only.

export { EnvError, loadWorkerEnv, type WorkerEnv, ZWorkerEnv } from './env.js'

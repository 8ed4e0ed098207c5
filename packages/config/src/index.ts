// @stagebrug/config — the environment, parsed once at start-up. Explicit exports only.

export {
  type ApiEnv,
  EnvError,
  loadApiEnv,
  loadWorkerEnv,
  type WorkerEnv,
  ZApiEnv,
  ZWorkerEnv,
} from './env.js'

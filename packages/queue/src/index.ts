// @stagebrug/queue — BullMQ job catalog and Redis connection options. Explicit exports only.

export {
  type FinalizeJob,
  jobIds,
  MAIL_JOBS,
  MATCH_JOB_OPTIONS,
  MATCH_JOBS,
  mailJobOptions,
  type NightJob,
  type PartJob,
  QUEUES,
  type SendJob,
  ZFinalizeJob,
  ZMatchOptions,
  ZNightJob,
  ZPartJob,
  ZSendJob,
} from './catalog.js'
export { redisConnection } from './connection.js'
export {
  enqueueMails,
  openQueues,
  type QueueSettings,
  type Queues,
  registerNightlySchedule,
  triggerRun,
} from './queues.js'

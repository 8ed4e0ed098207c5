import type { ConnectionOptions } from 'bullmq'

/**
 * Redis options for BullMQ. Workers block on Redis and must wait out a restart
 * (`maxRetriesPerRequest: null`); producers (the API, commands) fail fast instead of hanging.
 */
export function redisConnection(url: string, role: 'worker' | 'producer'): ConnectionOptions {
  return role === 'worker'
    ? { url, maxRetriesPerRequest: null }
    : { url, maxRetriesPerRequest: 1, enableOfflineQueue: false }
}

import type { Queues } from '@stagebrug/queue'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { getRun, listRuns, publish, requestRun, runOfJob } from '../data/runs.data.js'
import { AppError } from '../errors.js'
import { within } from '../health.js'
import { page, ZIdParams, ZPageQuery } from '../schemas/common.js'
import { dataCtx, type RouteOptions } from './context.js'

const admin = { roles: ['admin'] as const }
const tags = ['admin: runs']

const ZRun = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  trigger: z.enum(['scheduled', 'manual']),
  today: z.string().nullable(),
  seed: z.number(),
  parts: z.number().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  held: z.boolean().describe('Succeeded but not published: companies do not see it yet'),
  counts: z.record(z.string(), z.number()),
  timings: z.record(z.string(), z.number()),
  error: z.string().nullable(),
  jobKey: z.string().nullable(),
})

/**
 * Queue calls need Redis: when it does not answer within a second the request gets 503 and nothing
 * is queued (BullMQ would otherwise wait for the connection, and add the job whenever it comes back).
 */
async function viaRedis<T>(queues: Queues, run: () => Promise<T>): Promise<T> {
  try {
    await within(Promise.all([queues.match.waitUntilReady(), queues.mail.waitUntilReady()]), 1000, 'redis')
  } catch {
    throw new AppError('UNAVAILABLE', 'Redis is niet bereikbaar / Redis cannot be reached')
  }
  try {
    return await run()
  } catch (error) {
    if (error instanceof AppError) throw error
    const message = error instanceof Error ? error.message : String(error)
    if (
      /enableOfflineQueue|Connection is closed|ECONNREFUSED|max retries|Stream isn't writeable/i.test(message)
    )
      throw new AppError('UNAVAILABLE', 'Redis is niet bereikbaar / Redis cannot be reached')
    throw error
  }
}

/** Match runs: trigger, follow, publish a held run. Admin keys only. */
export const adminRunRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  app.post(
    '/admin/runs',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Trigger a match run now',
        body: z
          .object({ publish: z.boolean().default(true).describe('false: hold the run back until published') })
          .nullish()
          .describe('Optional; without a body the run is published when it succeeds'),
        response: { 202: z.object({ jobId: z.string(), publish: z.boolean() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(
          await viaRedis(deps.queues, () =>
            requestRun(dataCtx(deps, request), deps.queues, request.body?.publish ?? true),
          ),
        ),
  )
  app.get(
    '/admin/runs',
    {
      config: admin,
      schema: {
        tags,
        querystring: ZPageQuery.extend({
          status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
        }),
        response: { 200: page(ZRun) },
      },
    },
    async (request) => listRuns(dataCtx(deps, request), request.query),
  )
  app.get(
    '/admin/runs/jobs/:jobId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'A trigger job and its run',
        params: z.object({ jobId: z.string().min(1).max(100) }),
        response: { 200: z.object({ jobId: z.string(), state: z.string(), runId: z.uuid().nullable() }) },
      },
    },
    async (request) =>
      viaRedis(deps.queues, () => runOfJob(dataCtx(deps, request), deps.queues, request.params.jobId)),
  )
  app.get(
    '/admin/runs/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Status, figures and the coordinators’ overrides of a run',
        params: ZIdParams,
        response: {
          200: ZRun.extend({
            proposalsByStatus: z.record(z.string(), z.number()),
            overrides: z.array(
              z.object({
                id: z.uuid(),
                kind: z.enum(['pin', 'move']),
                studentId: z.uuid(),
                placeId: z.uuid(),
                fromPlaceId: z.uuid().nullable(),
                reason: z.string(),
                by: z.string(),
                at: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => getRun(dataCtx(deps, request), request.params.id),
  )
  app.post(
    '/admin/runs/:id/publish',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Publish a held run: companies see its proposals and get their mails',
        params: ZIdParams,
        response: { 200: z.object({ runId: z.uuid(), mails: z.number() }) },
      },
    },
    async (request) =>
      viaRedis(deps.queues, () =>
        publish(
          dataCtx(deps, request),
          {
            queues: deps.queues,
            logger: request.log,
            settings: {
              platformName: deps.settings.platformName,
              adminEmail: deps.settings.adminEmail,
              publicUrl: deps.settings.publicUrl,
            },
          },
          request.params.id,
        ),
      ),
  )
}

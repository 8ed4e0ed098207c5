import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { installAuth } from './auth/guard.js'
import type { ApiDeps } from './deps.js'
import { AppError, answerClientError, errorHandler, sendProblem } from './errors.js'
import { adminAuditRoutes } from './routes/admin-audit.routes.js'
import { adminCompanyRoutes } from './routes/admin-companies.routes.js'
import { adminKeyRoutes } from './routes/admin-keys.routes.js'
import { adminRunRoutes } from './routes/admin-runs.routes.js'
import { adminSchoolRoutes } from './routes/admin-schools.routes.js'
import { companyMentorRoutes } from './routes/company-mentors.routes.js'
import { companyPlaceRoutes } from './routes/company-places.routes.js'
import { companyProposalRoutes } from './routes/company-proposals.routes.js'
import { companyRecognitionRoutes } from './routes/company-recognitions.routes.js'
import { documentRoutes } from './routes/documents.routes.js'
import { figuresRoutes } from './routes/figures.routes.js'
import { healthRoutes } from './routes/health.routes.js'
import { lookupRoutes } from './routes/lookups.routes.js'
import { meRoutes } from './routes/me.routes.js'
import { queuesDashboard } from './routes/queues-dashboard.js'
import { schoolPinRoutes } from './routes/school-pins.routes.js'
import { schoolProposalRoutes } from './routes/school-proposals.routes.js'
import { schoolStudentRoutes } from './routes/school-students.routes.js'
import type { Role } from './scope/scope.js'

/** A route of the API as the auth guard sees it (the dashboard and /docs are not listed). */
export interface ApiRoute {
  readonly method: string
  readonly url: string
  readonly roles: readonly Role[] | 'any' | 'public'
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with who may call it: the access matrix test walks this list. */
    readonly apiRoutes: ApiRoute[]
  }
}

const ROUTES = [
  healthRoutes,
  meRoutes,
  lookupRoutes,
  adminSchoolRoutes,
  adminCompanyRoutes,
  adminKeyRoutes,
  adminRunRoutes,
  adminAuditRoutes,
  schoolStudentRoutes,
  schoolProposalRoutes,
  schoolPinRoutes,
  companyPlaceRoutes,
  companyProposalRoutes,
  companyRecognitionRoutes,
  companyMentorRoutes,
  documentRoutes,
  figuresRoutes,
]

/** True when a string anywhere in a parsed JSON value (or query) holds U+0000. Iterative: deep bodies are fine. */
function containsNul(value: unknown): boolean {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true
    } else if (Array.isArray(v)) for (const x of v) stack.push(x)
    else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v))
      for (const [k, x] of Object.entries(v)) stack.push(k, x)
  }
  return false
}

/**
 * The API as a Fastify instance, not listening: server.ts listens, tests use `app.inject`.
 * @example const app = await createApp(deps); const res = await app.inject({ url: '/healthz' })
 */
export async function createApp(deps: ApiDeps): Promise<FastifyInstance> {
  const { settings } = deps
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: settings.bodyLimitBytes,
    trustProxy: settings.trustProxy,
    // A URL with a broken %-escape or an over-long parameter is refused before routing: same problem+json.
    frameworkErrors: errorHandler,
    // Garbage on the socket (not HTTP, headers too large) never reaches a route: answer problem+json and close.
    clientErrorHandler: answerClientError,
    // Node answers an HTTP/1.1 request without Host with a bare 400 before Fastify sees it; let it
    // through so the hook below answers problem+json like every other refusal.
    http: { requireHostHeader: false },
  })
  // A queue whose Redis is away emits 'error' events; without a listener Node would crash on them.
  const onQueueError = (error: Error) => app.log.warn({ err: error.message }, 'queue connection error')
  for (const queue of [deps.queues.match, deps.queues.mail])
    if (queue.listenerCount('error') === 0) queue.on('error', onQueueError)
  if (deps.queues.flows.listenerCount('error') === 0) deps.queues.flows.on('error', onQueueError)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      new AppError('NOT_FOUND', `Geen route ${request.method} ${request.url.split('?')[0]} / No such route`),
    ),
  )

  // JSON (and multipart uploads) only: a text body is 415, not a string for the schema to refuse.
  app.removeContentTypeParser('text/plain')
  // PostgreSQL stores no NUL character: refuse one anywhere in the body, query or path before a
  // schema passes it on (otherwise a valid-looking name would fail only in the database).
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query) || containsNul(request.params))
      throw new AppError(
        'INVALID_REQUEST',
        'Tekst met een ongeldig teken (NUL) / Text with an invalid character (NUL)',
      )
  })

  // RFC 9112 §3.2: an HTTP/1.1 request must carry Host (Node checked this before; see `http` above).
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1')
      return done(
        new AppError('MALFORMED_BODY', 'De aanvraag heeft geen Host-header / The request has no Host header'),
      )
    done()
  })

  const routes: ApiRoute[] = []
  app.decorate('apiRoutes', routes)
  app.addHook('onRoute', (route) => {
    const config = route.config as { roles?: readonly Role[] | 'any'; public?: boolean } | undefined
    if (route.schema && (route.schema as { hide?: boolean }).hide) return
    if (route.url.startsWith('/docs')) return
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue
      routes.push({ method, url: route.url, roles: config?.public ? 'public' : (config?.roles ?? []) })
    }
  })

  // The default CSP, without upgrade-insecure-requests: /docs and the dashboard must work over plain
  // HTTP on a developer's machine (TLS ends at the proxy in production).
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  })
  installAuth(app, deps.db)
  await app.register(rateLimit, {
    global: true,
    max: settings.rateLimit.max,
    timeWindow: settings.rateLimit.windowMs,
    keyGenerator: (request) => (request.caller ? `key:${request.caller.keyId}` : `ip:${request.ip}`),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `Meer dan ${context.max} aanvragen; probeer opnieuw over ${context.after} / Too many requests; retry in ${context.after}`,
      ),
  })
  await app.register(multipart, { limits: { fileSize: settings.uploadMaxBytes, files: 1, fields: 10 } })

  if (settings.docs) {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Stagebrug API',
          version: '1.0.0',
          description:
            'Admin, school and company API of Stagebrug. Send `Authorization: Bearer sb_…`. Errors are `application/problem+json` with a stable `type` (https://stagebrug.be/problems/…).',
        },
        components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
        security: [{ apiKey: [] }],
      },
      transform: jsonSchemaTransform,
    })
    await app.register(swaggerUi, { routePrefix: '/docs' })
  }

  for (const routesPlugin of ROUTES) await app.register(routesPlugin, { deps })
  await app.register(queuesDashboard, { deps })
  return app
}

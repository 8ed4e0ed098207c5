import { describe, expect, it } from 'vitest'
import { EnvError, loadApiEnv, loadWorkerEnv } from './env.js'

const GOOD = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  MAIL_FROM: 'Stagebrug <noreply@stagebrug.be>',
}

function problems(
  env: Record<string, string | undefined>,
  load: (env: Record<string, string | undefined>) => unknown = loadWorkerEnv,
) {
  try {
    load(env)
  } catch (error) {
    if (error instanceof EnvError) return error.problems
    throw error
  }
  throw new Error('expected an EnvError')
}

describe('loadWorkerEnv', () => {
  it('fills the defaults: 02:00 Brussels, one match job and four mails at a time, eight parts', () => {
    expect(loadWorkerEnv(GOOD)).toMatchObject({
      MATCH_CRON: '0 2 * * *',
      MATCH_PUBLISH: 'auto',
      TZ: 'Europe/Brussels',
      MATCH_CONCURRENCY: 1,
      MAIL_CONCURRENCY: 4,
      MATCH_PARTS: 8,
      QUEUE_PREFIX: 'stagebrug',
    })
  })

  it('names every missing variable at once, with an example', () => {
    const found = problems({})
    expect(found.map((p) => p.variable).sort()).toEqual([
      'DATABASE_URL',
      'MAIL_FROM',
      'REDIS_URL',
      'SMTP_URL',
    ])
    expect(found.find((p) => p.variable === 'REDIS_URL')?.message).toContain('redis://127.0.0.1:6379')
  })

  it('treats an empty variable as missing', () => {
    expect(problems({ ...GOOD, SMTP_URL: '  ' }).map((p) => p.variable)).toEqual(['SMTP_URL'])
  })

  it('refuses bad values with a specific message', () => {
    const found = problems({
      ...GOOD,
      DATABASE_URL: 'mysql://x',
      MAIL_FROM: 'nobody',
      TZ: 'Europe/Atlantis',
      MATCH_CRON: 'every night',
      MATCH_CONCURRENCY: 'two',
      MATCH_PARTS: '0',
    })
    expect(Object.fromEntries(found.map((p) => [p.variable, p.message]))).toMatchObject({
      DATABASE_URL: expect.stringContaining('postgres://'),
      MAIL_FROM: expect.stringContaining('afzenderadres'),
      TZ: expect.stringContaining('onbekende tijdzone'),
      MATCH_CRON: expect.stringContaining('vijf velden'),
      MATCH_CONCURRENCY: expect.stringContaining('geheel getal'),
      MATCH_PARTS: expect.stringContaining('minstens 1'),
    })
  })

  it('has no health endpoint unless HEALTH_PORT is set, and then listens on the loopback address', () => {
    const off = loadWorkerEnv(GOOD)
    expect(off.HEALTH_PORT).toBeUndefined()
    expect(loadWorkerEnv({ ...GOOD, HEALTH_PORT: '9464' })).toMatchObject({
      HEALTH_PORT: 9464,
      HEALTH_HOST: '127.0.0.1',
    })
    expect(loadWorkerEnv({ ...GOOD, HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).HEALTH_HOST).toBe(
      '0.0.0.0',
    )
  })

  it('refuses a health port that is not a port', () => {
    const message = (value: string) => problems({ ...GOOD, HEALTH_PORT: value })
    expect(message('0')).toEqual([
      { variable: 'HEALTH_PORT', message: 'tussen 1 en 65535 / between 1 and 65535' },
    ])
    expect(message('65536')).toEqual([
      { variable: 'HEALTH_PORT', message: 'tussen 1 en 65535 / between 1 and 65535' },
    ])
    expect(message('94.5')).toEqual([
      { variable: 'HEALTH_PORT', message: 'moet een geheel getal zijn / must be a whole number' },
    ])
    expect(message('health')).toEqual([
      { variable: 'HEALTH_PORT', message: 'moet een poortnummer zijn / must be a port number' },
    ])
  })

  it('accepts a bare sender address and an embedded database', () => {
    const env = loadWorkerEnv({ ...GOOD, MAIL_FROM: 'noreply@school.be', DATABASE_URL: 'pglite://memory' })
    expect(env.MAIL_FROM).toBe('noreply@school.be')
    expect(Object.isFrozen(env)).toBe(true)
  })
})

describe('loadApiEnv', () => {
  const API = { DATABASE_URL: GOOD.DATABASE_URL, REDIS_URL: GOOD.REDIS_URL }

  it('needs only the database and Redis, and fills the limits', () => {
    expect(loadApiEnv(API)).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      BODY_LIMIT_BYTES: 1024 * 1024,
      UPLOAD_MAX_BYTES: 10 * 1024 * 1024,
      UPLOAD_MAX_ROWS: 20_000,
      RATE_LIMIT_MAX: 300,
      RATE_LIMIT_WINDOW_MS: 60_000,
      TRUST_PROXY: false,
      API_DOCS: true,
      QUEUE_PREFIX: 'stagebrug',
      LOG_LEVEL: 'info',
    })
    expect(Object.isFrozen(loadApiEnv(API))).toBe(true)
  })

  it("shares the worker's rules for the shared variables and names every bad one", () => {
    const found = problems(
      {
        REDIS_URL: 'http://x',
        PORT: '70000',
        UPLOAD_MAX_BYTES: '12',
        TRUST_PROXY: 'maybe',
        RATE_LIMIT_MAX: '0',
      },
      loadApiEnv,
    )
    expect(Object.fromEntries(found.map((p) => [p.variable, p.message]))).toMatchObject({
      DATABASE_URL: expect.stringContaining('ontbreekt'),
      REDIS_URL: expect.stringContaining('redis://'),
      PORT: expect.stringContaining('65535'),
      UPLOAD_MAX_BYTES: expect.stringContaining('1024'),
      TRUST_PROXY: expect.stringContaining('true'),
      RATE_LIMIT_MAX: expect.stringContaining('minstens 1'),
    })
  })

  it('reads flags and numbers', () => {
    expect(loadApiEnv({ ...API, TRUST_PROXY: 'yes', API_DOCS: '0', PORT: '8080' })).toMatchObject({
      TRUST_PROXY: true,
      API_DOCS: false,
      PORT: 8080,
    })
  })
})

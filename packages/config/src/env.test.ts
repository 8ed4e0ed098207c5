import { describe, expect, it } from 'vitest'
import { EnvError, loadWorkerEnv } from './env.js'

const GOOD = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  MAIL_FROM: 'Stagebrug <noreply@stagebrug.be>',
}

function problems(env: Record<string, string | undefined>) {
  try {
    loadWorkerEnv(env)
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

  it('accepts a bare sender address and an embedded database', () => {
    const env = loadWorkerEnv({ ...GOOD, MAIL_FROM: 'noreply@school.be', DATABASE_URL: 'pglite://memory' })
    expect(env.MAIL_FROM).toBe('noreply@school.be')
    expect(Object.isFrozen(env)).toBe(true)
  })
})

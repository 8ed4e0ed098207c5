// The mail ledger's state machine: a row is claimed before SMTP is contacted, and only the
// transitions that keep "at most once" honest are allowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, openSeededDb } from '../../../test/support/databases.js'
import {
  claimMail,
  failMail,
  getMail,
  json,
  markMailSent,
  markMailUnknown,
  releaseMail,
} from '../src/index.js'

describe.each(ENGINES)('mail ledger on %s', (engine) => {
  let handle: Awaited<ReturnType<typeof openSeededDb>>
  let runId: string
  beforeAll(async () => {
    handle = await openSeededDb(engine)
    runId = (
      await handle.db
        .insertInto('match_run')
        .values({ params: json({}), seed: 1, timings: json({}), counts: json({}) })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(() => handle?.close())

  const row = async (recipient: string) =>
    (
      await handle.db
        .insertInto('mail_outbox')
        .values({
          run_id: runId,
          recipient,
          kind: 'coordinator',
          to_address: `${recipient}@school.test`,
          subject: 'Voorstellen',
          text_body: 'tekst',
          html_body: '<p>tekst</p>',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  const status = async (id: string) => (await getMail(handle.db, id))?.status

  it('claims a pending row once, with a deterministic Message-ID', async () => {
    const id = await row('a')
    const claimed = await claimMail(handle.db, id, 'stagebrug.test')
    expect(claimed?.message_id).toBe(`<${id}.${runId}@stagebrug.test>`)
    expect(await claimMail(handle.db, id, 'stagebrug.test')).toBeUndefined()
    expect(await markMailSent(handle.db, id)).toBe(true)
    expect(await status(id)).toBe('sent')
    expect(await markMailSent(handle.db, id)).toBe(false)
  })

  it('records sent when an attempt presumed dead reports back after its row became unknown', async () => {
    const id = await row('b')
    await claimMail(handle.db, id, 'stagebrug.test')
    // another worker took the job over (lock expired) and found the row still sending
    expect(await markMailUnknown(handle.db, id)).toBe(true)
    expect(await status(id)).toBe('unknown')
    // the first attempt's SMTP transaction did complete
    expect(await markMailSent(handle.db, id)).toBe(true)
    const mail = await getMail(handle.db, id)
    expect([mail?.status, mail?.sent_at instanceof Date]).toEqual(['sent', true])
  })

  it('never turns a failed, pending or unknown row back into something that would be sent again', async () => {
    const failed = await row('c')
    await claimMail(handle.db, failed, 'stagebrug.test')
    expect(await failMail(handle.db, failed, '550 no such user')).toBe(true)
    expect(await markMailSent(handle.db, failed)).toBe(false)
    expect(await releaseMail(handle.db, failed, '451')).toBe(false)
    expect(await status(failed)).toBe('failed')

    const unknown = await row('d')
    await claimMail(handle.db, unknown, 'stagebrug.test')
    await markMailUnknown(handle.db, unknown)
    expect(await releaseMail(handle.db, unknown, '451')).toBe(false)
    expect(await claimMail(handle.db, unknown, 'stagebrug.test')).toBeUndefined()
    expect(await status(unknown)).toBe('unknown')

    const pending = await row('e')
    expect(await markMailSent(handle.db, pending)).toBe(false)
    expect(await status(pending)).toBe('pending')
  })
})

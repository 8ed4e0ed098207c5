import { describe, expect, it } from 'vitest'
import { renderCoordinatorMail } from '../src/index.js'
import { coordinatorDigest, coordinatorFooter } from './fixtures.js'

describe('renderCoordinatorMail', () => {
  it('renders the plain text mail', () => {
    expect(renderCoordinatorMail(coordinatorDigest(), coordinatorFooter).text).toMatchInlineSnapshot(`
      "Beste Els Wouters,

      Dit zijn de voorstellen van de matching van 23/11/2026 voor 3 leerlingen van GO! Technisch Atheneum Geel (instellingsnummer 047142).
      Vastgelegd: 1 · met voorstel: 1 · zonder voorstel: 1.

      1. Jana Peeters (5EM, Elektromechanische technieken) — voorstel
         1. Voorstel: Janssen Elektro bv, 2440 Geel — score 78,5
            zelfde studierichting, 7 km van huis, 4 van 6 competenties
         2. Alternatief: Kempen Techniek nv, 2400 Mol — score 64
            verwante studierichting, 12 km van huis

      2. Milan De Smet (Elektrotechnieken) — vastgelegd door de school
         1. Vastgelegd: Vito, 2400 Mol — score 55,2
            manueel geplaatst door de trajectbegeleider

      3. Noor El Amrani (6EM, Elektromechanische technieken) — geen voorstel
         Geen voorstel: Alle 3 geschikte plaatsen gingen naar leerlingen die hoger gerangschikt stonden.

      De cijfers van deze matching: https://stagebrug.example/runs/run-2026-11-23

      -- 
      Stagebrug
      U ontvangt deze mail omdat u trajectbegeleider bent bij GO! Technisch Atheneum Geel.
      Geen mails meer? Schrijf naar privacy@stagebrug.be.
      "
    `)
  })

  it('has a Dutch subject with the count and the date as dd/mm/yyyy', () => {
    const mail = renderCoordinatorMail(coordinatorDigest(), coordinatorFooter)
    expect(mail.subject).toBe('Stagebrug: voorstellen voor 3 leerlingen (23/11/2026)')
  })

  it('uses the singular for one student', () => {
    const d = coordinatorDigest()
    d.students = d.students.slice(0, 1)
    const mail = renderCoordinatorMail(d, coordinatorFooter)
    expect(mail.subject).toBe('Stagebrug: voorstellen voor 1 leerling (23/11/2026)')
    expect(mail.text).toContain('voor 1 leerling van')
    expect(mail.html).toContain('voor 1 leerling van')
  })

  it('shows every proposal with its reasons in both parts', () => {
    const mail = renderCoordinatorMail(coordinatorDigest(), coordinatorFooter)
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('Janssen Elektro bv')
      expect(part).toContain('Kempen Techniek nv')
      expect(part).toContain('zelfde studierichting, 7 km van huis, 4 van 6 competenties')
      expect(part).toContain('78,5')
    }
  })

  it('shows why an unmatched student has no proposal', () => {
    const mail = renderCoordinatorMail(coordinatorDigest(), coordinatorFooter)
    const reason = 'Alle 3 geschikte plaatsen gingen naar leerlingen die hoger gerangschikt stonden.'
    expect(mail.text).toContain(`Geen voorstel: ${reason}`)
    expect(mail.html).toContain(`Geen voorstel: ${reason}`)
  })

  it('says why the mail comes and how to stop it, in both parts', () => {
    const mail = renderCoordinatorMail(coordinatorDigest(), coordinatorFooter)
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(coordinatorFooter.why)
      expect(part).toContain(coordinatorFooter.unsubscribe)
    }
    expect(mail.html).toContain('href="mailto:privacy@stagebrug.be?subject=stop"')
  })

  it('escapes every interpolated value in the HTML', () => {
    const d = coordinatorDigest()
    d.school.name = '<script>alert(1)</script>'
    d.students[0]!.name = 'Jana "<b>" Peeters'
    d.students[0]!.proposals[0]!.companyName = '<script>alert("x")</script> & Zonen'
    d.students[0]!.proposals[0]!.reasons = ['<img src=x onerror=alert(1)>']
    d.students[2]!.unmatchedReason = '<iframe>'
    d.figuresUrl = 'https://x.example/?a=1&b="<2>"'
    const { html } = renderCoordinatorMail(d, { ...coordinatorFooter, why: '<u>waarom</u>' })
    expect(html).not.toMatch(/<script|<img|<iframe|<b>|<u>/)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Zonen')
    expect(html).toContain('href="https://x.example/?a=1&amp;b=&quot;&lt;2&gt;&quot;"')
  })

  it('greets a coordinator without a name by role, and has no figures line without a URL', () => {
    const d = coordinatorDigest()
    d.coordinator.name = null
    d.figuresUrl = null
    const mail = renderCoordinatorMail(d, coordinatorFooter)
    expect(mail.text.startsWith('Beste trajectbegeleider,\n')).toBe(true)
    expect(mail.text).not.toContain('cijfers')
  })

  it('produces a self-contained HTML document without external assets', () => {
    const { html } = renderCoordinatorMail(coordinatorDigest(), coordinatorFooter)
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).not.toMatch(/<link|<img|<style|src=/i)
  })

  it('refuses a run date that is not yyyy-mm-dd', () => {
    const d = coordinatorDigest()
    d.runDate = '23/11/2026'
    expect(() => renderCoordinatorMail(d, coordinatorFooter)).toThrow(/YYYY-MM-DD/)
  })
})

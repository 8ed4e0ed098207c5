import { describe, expect, it } from 'vitest'
import { type CompanyDigest, renderCompanyMail } from '../src/index.js'
import { companyDigest, companyFooter } from './fixtures.js'

/** The digest with personal data smuggled onto every object, as a careless caller might pass it. */
function digestWithPersonalData(): CompanyDigest {
  const d = companyDigest()
  const pii = {
    name: 'Jana Peeters',
    firstName: 'Jana',
    lastName: 'Peeters',
    birthDate: '2010-03-04',
    address: 'Kerkstraat 12, 2440 Geel',
    email: 'jana.peeters@leerling.be',
    phone: '+32 470 12 34 56',
    parentEmail: 'ouder@example.be',
  }
  for (const place of d.places) {
    Object.assign(place, { student: pii })
    for (const c of place.candidates) Object.assign(c, pii)
  }
  return d
}

describe('renderCompanyMail', () => {
  it('renders the plain text mail', () => {
    expect(renderCompanyMail(companyDigest(), companyFooter).text).toMatchInlineSnapshot(`
      "Beste Tom Janssen,

      De matching van 23/11/2026 stelt 2 kandidaten voor bij 2 plaatsen van Janssen Elektro bv (KBO 0403.019.261).
      De kandidaten zijn gepseudonimiseerd: u ziet hun naam en contactgegevens pas wanneer de school ze vrijgeeft.

      Leerwerkplek Elektriciteit — Geel
      duaal leren · 01/09/2026 – 30/06/2027 · 2 plaatsen · 2 kandidaten
        K-7F3A2C9QK4MD — voorgesteld
          Opleiding: Elektromechanische technieken, 3de graad
          Competenties: elektrische schema’s lezen, motoren aansluiten
          Beschikbaar: 01/09/2026 – 30/06/2027
          Reisafstand: 5–10 km
          Leeftijd: ≥15, ≥16
          Waarom: zelfde studierichting, 4 van 6 competenties
        K-19B04E7TXW2A — reserve
          Opleiding: Elektrotechnieken
          Beschikbaar: niet opgegeven
          Reisafstand: 10–20 km
          Leeftijd: ≥15, ≥16, ≥18
          Rijbewijs: ja
          Waarom: verwante studierichting

      Stage onderhoud — Mol
      stage · 01/02/2027 – 28/02/2027 · 1 plaats · 0 kandidaten
        Geen kandidaten deze keer.

      -- 
      Stagebrug
      U ontvangt deze mail omdat uw bedrijf plaatsen aanbiedt via Stagebrug.
      Geen mails meer? Schrijf naar privacy@stagebrug.be.
      "
    `)
  })

  it('has a Dutch subject with candidates, places and date', () => {
    const mail = renderCompanyMail(companyDigest(), companyFooter)
    expect(mail.subject).toBe('Stagebrug: 2 kandidaten voor 2 plaatsen (23/11/2026)')
  })

  it('uses the singular for one candidate and one place', () => {
    const d = companyDigest()
    d.places = d.places.slice(0, 1)
    d.places[0]!.candidates = d.places[0]!.candidates.slice(0, 1)
    d.places[0]!.seats = 1
    const mail = renderCompanyMail(d, companyFooter)
    expect(mail.subject).toBe('Stagebrug: 1 kandidaat voor 1 plaats (23/11/2026)')
    expect(mail.text).toContain('duaal leren · 01/09/2026 – 30/06/2027 · 1 plaats · 1 kandidaat')
  })

  it('shows the pseudonymous profile of each candidate', () => {
    const mail = renderCompanyMail(companyDigest(), companyFooter)
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('K-7F3A2C9QK4MD')
      expect(part).toContain('Elektromechanische technieken, 3de graad')
      expect(part).toContain('elektrische schema’s lezen, motoren aansluiten')
      expect(part).toContain('5–10 km')
      expect(part).toContain('≥15, ≥16')
      expect(part).toContain('Rijbewijs: ja')
      expect(part).toContain('zelfde studierichting, 4 van 6 competenties')
      expect(part).toContain('Geen kandidaten deze keer.')
    }
  })

  it('never shows personal data, even when the caller passes it along', () => {
    const mail = renderCompanyMail(digestWithPersonalData(), companyFooter)
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const leak of [
        'Jana',
        'Peeters',
        'Kerkstraat',
        '2010',
        '04/03/2010',
        '470',
        'leerling.be',
        'ouder@',
      ]) {
        expect(part).not.toContain(leak)
      }
      // The only address in the mail is the one in the footer that says how to stop it.
      expect(part.match(/[^\s<>"]+@[^\s<>"]+/g) ?? []).toEqual(
        part === mail.subject ? [] : ['privacy@stagebrug.be.'],
      )
      // The only dates are the run date and the periods given.
      const dates = new Set(part.match(/\d{2}\/\d{2}\/\d{4}/g))
      expect([...dates].sort()).toEqual(
        ['01/02/2027', '01/09/2026', '23/11/2026', '28/02/2027', '30/06/2027'].filter(
          (x) => part !== mail.subject || x === '23/11/2026',
        ),
      )
    }
  })

  it('does not show the contact address it is sent to', () => {
    const mail = renderCompanyMail(companyDigest(), companyFooter)
    expect(mail.text).not.toContain('tom@janssen-elektro.be')
    expect(mail.html).not.toContain('tom@janssen-elektro.be')
    expect(mail.text.startsWith('Beste Tom Janssen,\n')).toBe(true)
  })

  it('refuses a candidate code that is not a pseudonym', () => {
    const d = companyDigest()
    d.places[0]!.candidates[0]!.code = 'Jana Peeters'
    expect(() => renderCompanyMail(d, companyFooter)).toThrow(/pseudonym/)
  })

  it('escapes every interpolated value in the HTML', () => {
    const d = companyDigest()
    d.company.name = '<script>alert(1)</script>'
    d.places[0]!.label = '<h1>Leerwerkplek</h1>'
    d.places[0]!.candidates[0]!.competences = ['<b>lassen</b>']
    d.places[0]!.candidates[0]!.reasons = ['"><img src=x>']
    const { html, text } = renderCompanyMail(d, companyFooter)
    expect(html).not.toMatch(/<script|<h1|<b>|<img/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('<script>alert(1)</script>')
  })

  it('says why the mail comes and how to stop it, in both parts', () => {
    const mail = renderCompanyMail(companyDigest(), companyFooter)
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(companyFooter.why)
      expect(part).toContain(companyFooter.unsubscribe)
    }
  })
})

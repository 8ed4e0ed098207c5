// Issue 14: the coordinator reads the place's contact person for schools next to the company, so the
// school can reach the company before accepting; a place without one reads as before.
import { describe, expect, it } from 'vitest'
import { renderCoordinatorMail } from '../src/index.js'
import { coordinatorDigest, coordinatorFooter } from './fixtures.js'

describe('the contact person for schools in the coordinator mail', () => {
  const digest = coordinatorDigest()
  const [first, ...rest] = digest.students
  const withContact = {
    ...digest,
    students: [
      {
        ...first!,
        proposals: first!.proposals.map((p, i) =>
          i === 0 ? { ...p, contact: 'Joost de Vries, 014 55 66 77, joost@janssen.test' } : p,
        ),
      },
      ...rest,
    ],
  }

  it('names the contact under the proposal in the text and next to the company in the table', () => {
    const mail = renderCoordinatorMail(withContact, coordinatorFooter)
    expect(mail.text).toContain(
      '   1. Voorstel: Janssen Elektro bv, 2440 Geel — score 78,5\n      Contactpersoon: Joost de Vries, 014 55 66 77, joost@janssen.test\n',
    )
    expect(mail.html).toContain(
      'Janssen Elektro bv (contact: Joost de Vries, 014 55 66 77, joost@janssen.test)',
    )
  })

  it('leaves a proposal without a contact as it was', () => {
    const mail = renderCoordinatorMail(withContact, coordinatorFooter)
    expect(mail.text).not.toContain('Kempen Techniek nv (contact')
    expect(renderCoordinatorMail(digest, coordinatorFooter).text).not.toContain('Contactpersoon')
  })
})

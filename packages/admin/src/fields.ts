import { postcodeIndex } from '@stagebrug/reference-data'
import { normaliseIdentifier, normaliseKbo, normaliseName } from '@stagebrug/uploads'
import { z } from 'zod'

// The field rules of every admin write, for both doors (the API's bodies and the command line's
// flags): one definition, so a rule cannot drift between them. Messages are Dutch first; the field
// and the value are added by whoever reports the issue (`AdminError`, the API's problem document).

/** A string, with a Dutch message when it is missing or not text. */
const text = () =>
  z.string({
    error: (issue) => (issue.input === undefined ? 'verplicht / required' : 'moet tekst zijn / must be text'),
  })

/**
 * Text that identifies something (instellingsnummer, KBO, place code, e-mail), normalised as an
 * upload's cell is (the same function): invisible characters out, NFKC, trimmed. Chain checks after it.
 */
export const ZIdentifierText = () => text().overwrite(normaliseIdentifier)
/** A name or other text, normalised as an upload's cell is: invisible characters out, NFC, trimmed. */
export const ZNameText = () => text().overwrite(normaliseName)
/** An e-mail address as stored: normalised, lower-cased (one person is one address). */
export const ZEmail = () =>
  text()
    .overwrite((v) => normaliseIdentifier(v).toLowerCase())
    .pipe(z.email('geen geldig e-mailadres / not a valid e-mail address'))

/** A Belgian postcode that exists (the database refuses others by foreign key; say so in the request). */
export const ZPostcode = z
  .string()
  .regex(/^\d{4}$/, '4 cijfers / 4 digits')
  .refine((v) => postcodeIndex().has(v), 'onbekende postcode / unknown postcode')

/** A name of a school, school group, company or key: 2 to 200 characters once normalised. */
export const ZAdminName = () =>
  ZNameText()
    .min(2, 'minstens 2 tekens / at least 2 characters')
    .max(200, 'hoogstens 200 tekens / at most 200 characters')

/** A school's instellingsnummer: 3 to 6 digits (full-width digits and invisible characters are normalised first). */
export const ZInstellingsnummer = () =>
  ZIdentifierText().regex(/^\d{3,6}$/, '3 tot 6 cijfers / 3 to 6 digits')

/** An ondernemingsnummer with valid check digits, stored as 10 digits (dots, spaces and `BE` allowed). */
export const ZKboNumber = () =>
  text()
    .transform((v, ctx) => {
      const kbo = normaliseKbo(v)
      if (kbo === null) {
        ctx.addIssue({ code: 'custom', message: 'geen geldig ondernemingsnummer / not a valid KBO number' })
        return z.NEVER
      }
      return kbo
    })
    .describe('Ondernemingsnummer, e.g. 0403.019.261 or BE0403019261')

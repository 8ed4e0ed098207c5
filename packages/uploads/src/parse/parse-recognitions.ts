import { foldName } from '@stagebrug/matching-core'
import { RECOGNITION_FIELDS } from '../headers/fields.js'
import { cell, date, establishment, kbo, Problem, text } from '../validate/cells.js'
import { asProgrammeId, type ParseContext } from './context.js'
import { type RowInput, runUpload, type UploadResult } from './pipeline.js'
import {
  RECOGNITION_STATUSES,
  type RecognitionRow,
  type RecognitionStatus,
  recognitionValidUntil,
} from './recognition-row.js'
import { labelOf } from './shared-cells.js'

const F = RECOGNITION_FIELDS
const L = (key: string) => labelOf(F, key)

const statusOf = (value: string): RecognitionStatus | Problem =>
  RECOGNITION_STATUSES.find((s) => s === foldName(value)) ??
  new Problem(
    `Status '${value}' is onbekend (verwacht erkend, aangevraagd of ingetrokken)`,
    `Status '${value}' is unknown (expected erkend, aangevraagd or ingetrokken)`,
  )

// Built once: a zod schema per row and cell would cost seconds on a large file.
const C = {
  companyNumber: cell(L('companyNumber'), true, kbo(L('companyNumber'))),
  establishmentNumber: cell(L('establishmentNumber'), true, establishment(L('establishmentNumber'))),
  reference: cell(L('reference'), false, text),
  validFrom: cell(L('validFrom'), true, date(L('validFrom'))),
  validUntil: cell(L('validUntil'), false, date(L('validUntil'))),
  status: cell(L('status'), true, statusOf),
}

function validateRecognition({ report, lookups }: RowInput): RecognitionRow | undefined {
  const companyNumber = report.read('companyNumber', C.companyNumber)
  const establishmentNumber = report.read('establishmentNumber', C.establishmentNumber)
  const programme = report.read(
    'programme',
    lookups.memo('recognition-programme', () =>
      cell(L('programme'), true, (v) => {
        const found = lookups.programme(v, undefined)
        return found instanceof Problem ? found : asProgrammeId(found)
      }),
    ),
  )
  const reference = report.read('reference', C.reference) ?? null
  const validFrom = report.read('validFrom', C.validFrom)
  const until = report.read('validUntil', C.validUntil)
  const status = report.read('status', C.status)
  if (validFrom !== undefined && until !== undefined && until < validFrom) {
    return report.fail(
      'validUntil',
      `Geldig tot (${until}) ligt voor geldig van (${validFrom})`,
      `Valid until (${until}) is before valid from (${validFrom})`,
    )
  }
  if (
    report.errors.length > 0 ||
    companyNumber === undefined ||
    establishmentNumber === undefined ||
    programme === undefined ||
    validFrom === undefined ||
    status === undefined
  ) {
    return undefined
  }
  return {
    row: report.row,
    companyNumber,
    establishmentNumber,
    programme,
    reference,
    validFrom,
    validUntil: until ?? recognitionValidUntil(validFrom),
    status,
  }
}

/**
 * Parses a recognition file (erkenningen; CSV or XLSX), one row per company × establishment ×
 * programme, all or nothing. Rejects only with UploadError (unreadable file); every other problem
 * is a row error with row, column and value.
 */
export function parseRecognitions(
  bytes: Uint8Array,
  filename: string,
  ctx: ParseContext = {},
): Promise<UploadResult<RecognitionRow>> {
  return runUpload(bytes, filename, ctx, {
    kind: 'recognitions',
    validateRow: validateRecognition,
    identity: (r) => ({
      key: `${r.companyNumber}|${r.establishmentNumber}|${r.programme}`,
      field: 'programme',
      nl: 'Dezelfde erkenning (onderneming, vestigingseenheid, studierichting)',
      en: 'The same recognition (company, establishment, programme)',
      shown: String(r.programme),
    }),
  })
}

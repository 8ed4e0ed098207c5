import {
  createResolver,
  foldName,
  type Resolver,
  WORKPLACE_RISK_CODES,
  WORKPLACE_RISK_LABELS_NL,
  type WorkplaceRiskCode,
} from '@stagebrug/matching-core'
import { Problem } from '../validate/cells.js'
import { didYouMean } from './context.js'

// Words a company may use for a checklist item besides its code and its label.
const SYNONYMS: Readonly<Partial<Record<WorkplaceRiskCode, readonly string[]>>> = {
  'val-gelijkvloers': ['uitglijden', 'struikelen'],
  'val-hoogte': ['werken op hoogte'],
  snijden: ['prikken', 'snijwonden'],
  knellen: ['pletten', 'plettenknellen'],
  projectielen: ['wegspringende deeltjes', 'rondvliegende deeltjes'],
  brand: ['hitte', 'vuur', 'brandwonden'],
  elektriciteit: ['elektrisch', 'elektrocutie'],
  alleenwerk: ['geisoleerd werk', 'alleen werken'],
  lawaai: ['geluid'],
  temperatuur: ['warmte', 'koude', 'thermisch klimaat'],
  vocht: ['vochtigheid'],
  'gassen-dampen': ['gassen', 'dampen'],
  'andere-agentia': ['chemische agentia', 'biologische agentia'],
}

/** Written for an explicit "no risks": stored as an empty list (an empty cell is "not registered"). */
const NONE = new Set(['geen', 'nee', 'geen risicos', 'none'])

let resolver: Resolver<WorkplaceRiskCode> | undefined
function risks() {
  resolver ??= createResolver(
    WORKPLACE_RISK_CODES.map((code) => ({
      id: code,
      name: WORKPLACE_RISK_LABELS_NL[code],
      aliases: [code, ...(SYNONYMS[code] ?? [])],
    })),
  )
  return resolver
}

const CODES = WORKPLACE_RISK_CODES.join(', ')

/**
 * The risk checklist of a place: codes (`lawaai`), labels (`Lawaai`) or synonyms separated by `|`,
 * `;` or line breaks, or `geen` for none. Only exact names count: a near miss is an error that
 * suggests the code, because a guessed risk on a werkpostfiche is worse than an error.
 */
export function riskList(text: string): WorkplaceRiskCode[] | Problem {
  const parts = text
    .split(/[|;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 1 && NONE.has(foldName(parts[0]!))) return []
  const codes: WorkplaceRiskCode[] = []
  for (const part of parts) {
    if (NONE.has(foldName(part))) {
      return new Problem(
        `'${part}' kan niet samen met risico's; laat het weg of schrijf alleen 'geen'`,
        `'${part}' cannot go with risks; leave it out or write only 'geen' (none)`,
      )
    }
    const resolved = risks().resolve(part)
    if (resolved.ok && (resolved.via === 'exact' || resolved.via === 'alias')) {
      if (!codes.includes(resolved.id)) codes.push(resolved.id)
      continue
    }
    // Suggest only near misses; a far-off "did you mean" is worse than the list of codes.
    const near = Math.max(2, Math.floor(foldName(part).length / 3))
    const suggestions = (
      resolved.ok ? [resolved.id] : resolved.suggestions.filter((s) => s.distance <= near).map((s) => s.id)
    ).map((code) => ({ name: code }))
    const [nl, en] = suggestions.length > 0 ? ['', ''] : [` (codes: ${CODES})`, ` (codes: ${CODES})`]
    return new Problem(
      `Risico '${part}' is onbekend${didYouMean(suggestions, 'nl')}${nl}`,
      `Risk '${part}' is unknown${didYouMean(suggestions, 'en')}${en}`,
    )
  }
  return codes
}

// A document as data: blocks of text with visible blanks, drawn the same way into HTML and PDF,
// so both formats say exactly the same and list the same missing fields.

/** A mandatory field Stagebrug does not know: printed as a visible blank, listed in `missing`. */
export interface Blank {
  readonly missing: string
}
/** A space to fill in by hand on paper (a signature date): printed as dots, never "missing". */
export interface FillIn {
  readonly fillIn: true
}
export type Inline = string | Blank | FillIn
export type Text = readonly Inline[]

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: Text }
  | { readonly kind: 'fields'; readonly rows: readonly { readonly label: string; readonly value: Text }[] }
  | { readonly kind: 'list'; readonly items: readonly Text[] }
  | {
      readonly kind: 'checklist'
      readonly items: readonly { readonly label: string; readonly checked: boolean }[]
    }
  | {
      readonly kind: 'table'
      readonly head: readonly string[]
      readonly rows: readonly (readonly string[])[]
      /** Shown instead of an empty table. */
      readonly empty: Text
    }
  | { readonly kind: 'notice'; readonly text: Text }
  | { readonly kind: 'signatures'; readonly parties: readonly string[]; readonly intro: Text }

export type DocumentKind = 'agreement' | 'workstation-sheet' | 'training-plan'

export interface DocumentModel {
  readonly kind: DocumentKind
  readonly title: string
  readonly subtitle: string
  /** `YYYY-MM-DD`; printed dd/mm/yyyy. */
  readonly issuedOn: string
  readonly blocks: readonly Block[]
  /** Dutch names of the mandatory fields that are blank, in the order they appear. */
  readonly missing: readonly string[]
}

export const BLANK_TEXT = '……………… (ontbreekt)'
export const FILL_IN_TEXT = '………………………'

export const isBlank = (part: Inline): part is Blank => typeof part === 'object' && 'missing' in part

/** Collects blocks and the missing fields in order of appearance. */
export class DocumentBuilder {
  private readonly blocks: Block[] = []
  private readonly missing: string[] = []

  /** The value, or a blank recorded as missing under `field` (a Dutch field name). */
  need(value: string | null | undefined, field: string): Inline {
    if (value !== null && value !== undefined && value.trim() !== '') return value
    if (!this.missing.includes(field)) this.missing.push(field)
    return { missing: field }
  }

  /** A mandatory field that Stagebrug never knows: always a blank. */
  unknown(field: string): Inline {
    return this.need(null, field)
  }

  heading(text: string): this {
    this.blocks.push({ kind: 'heading', text })
    return this
  }

  paragraph(...text: Inline[]): this {
    this.blocks.push({ kind: 'paragraph', text })
    return this
  }

  fields(rows: readonly (readonly [label: string, ...value: Inline[]])[]): this {
    this.blocks.push({ kind: 'fields', rows: rows.map(([label, ...value]) => ({ label, value })) })
    return this
  }

  list(items: readonly Text[]): this {
    this.blocks.push({ kind: 'list', items })
    return this
  }

  checklist(items: readonly { label: string; checked: boolean }[]): this {
    this.blocks.push({ kind: 'checklist', items })
    return this
  }

  table(head: readonly string[], rows: readonly (readonly string[])[], empty: Text): this {
    this.blocks.push({ kind: 'table', head, rows, empty })
    return this
  }

  notice(...text: Inline[]): this {
    this.blocks.push({ kind: 'notice', text })
    return this
  }

  /** Signature boxes, kept on one page with the line above them (place and date of signing). */
  signatures(parties: readonly string[], intro: Text = []): this {
    this.blocks.push({ kind: 'signatures', parties, intro })
    return this
  }

  build(head: Pick<DocumentModel, 'kind' | 'title' | 'subtitle' | 'issuedOn'>): DocumentModel {
    return { ...head, blocks: [...this.blocks], missing: [...this.missing] }
  }
}

export const FILL_IN: FillIn = { fillIn: true }

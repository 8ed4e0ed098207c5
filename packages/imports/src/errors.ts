/** A problem with the import request itself (not with a row): unknown school, unreadable file. */
export class ImportError extends Error {
  readonly code: 'school_not_found' | 'unreadable_file'
  readonly messageNl: string

  constructor(code: ImportError['code'], messageNl: string, messageEn: string) {
    super(messageEn)
    this.name = 'ImportError'
    this.code = code
    this.messageNl = messageNl
  }
}

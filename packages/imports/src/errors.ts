/** A problem with the import request itself (not with a row): unknown school, unreadable file. */
export class ImportError extends Error {
  /** `bad_mapping`: a mapping override names a column the file lacks or a field that does not exist. */
  readonly code: 'school_not_found' | 'unreadable_file' | 'bad_mapping'
  readonly messageNl: string

  constructor(code: ImportError['code'], messageNl: string, messageEn: string) {
    super(messageEn)
    this.name = 'ImportError'
    this.code = code
    this.messageNl = messageNl
  }
}

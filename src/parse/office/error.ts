/** Why an office document (DOCX, XLSX, HTML) cannot be read at all. */
export type OfficeProblem = 'empty' | 'encrypted' | 'legacy' | 'not-office' | 'corrupt' | 'truncated' | 'too-large' | 'unsupported'

/**
 * An office document that cannot be read: the message names the file and the problem, in
 * Chinese for the publisher and English for the developer, as ParseError does. Readers throw it
 * only for unusable files; problems inside a readable file become diagnostics.
 */
export class OfficeError extends Error {
  constructor(
    /** The file as given on the command line. */
    readonly file: string,
    /** The kind of problem, for callers that map it to an exit code or a status. */
    readonly problem: OfficeProblem,
    message: string,
  ) {
    super(`${file}: ${message}`)
    this.name = 'OfficeError'
  }
}

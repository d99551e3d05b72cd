/** Why a PDF could not be read at all. */
export type PdfFailure = 'encrypted' | 'invalid' | 'too-large' | 'unreadable'

/** A PDF that cannot be read: the message names the file and says why, in Chinese and English. */
export class PdfError extends Error {
  constructor(
    /** The file as given. */
    readonly file: string,
    /** What kind of failure, for callers that map it to an exit code. */
    readonly reason: PdfFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options)
    this.name = 'PdfError'
  }
}

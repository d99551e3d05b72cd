/** Limits that keep one hostile or enormous file from taking the process down. */
export interface PdfLimits {
  /** Largest file accepted, in bytes (default 200 MB). */
  maxBytes: number
  /** Pages read; later pages are skipped with a diagnostic (default 1000). */
  maxPages: number
  /** Seconds of reading after which the remaining pages are skipped with a diagnostic (default 120). */
  maxSeconds: number
}

export const defaultLimits: PdfLimits = { maxBytes: 200 * 1024 * 1024, maxPages: 1000, maxSeconds: 120 }

import type { OcrEngine } from './engine.ts'

/** How to OCR a file. */
export interface OcrOptions {
  /**
   * A recogniser to use and leave running (for many files: start one with `createOcrEngine()`
   * and terminate it at the end). Without one, a recogniser is started for the file when a page
   * needs it and terminated before returning.
   */
  engine?: OcrEngine
  /** Resolution PDF pages are rendered at, dots per inch (default 300). */
  dpi?: number
}

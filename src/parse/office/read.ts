import type { Diagnostic } from '../../model/index.ts'
import type { Layout } from '../layout.ts'

/** What an office reader (DOCX, XLSX, HTML) gives: the layout every reader produces, and what was wrong with parts of the file. */
export interface OfficeRead {
  layout: Layout
  diagnostics: Diagnostic[]
  /** Some content was not read (a size or depth limit, a missing sheet): the disclosure is `partial`. */
  partial: boolean
}

/** Diagnostics that mean content was left out. */
export function isPartial(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => /-(?:limit|too-deep)$|^parse\/xlsx-missing-sheet$/.test(d.ruleId))
}

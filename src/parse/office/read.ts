import type { Diagnostic } from '../../model/index.ts'
import type { Layout } from '../layout.ts'

/** What an office reader (DOCX, XLSX, HTML) gives: the layout every reader produces, and what was wrong with parts of the file. */
export interface OfficeRead {
  layout: Layout
  diagnostics: Diagnostic[]
}

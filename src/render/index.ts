/**
 * The render stage: the canonical model → documents (DOCX, XLSX, HTML; PDF through LibreOffice
 * from the DOCX, see scripts/make-fixtures.ts). Every table prints with all the columns of its
 * standard header and every row of the model; cells the model does not state stay blank.
 */
export { HEADERS, headerGrid, headerOf } from './headers.ts'
export type { ColumnRef, HeaderCell, HeaderGrid, HeaderNode, Side } from './headers.ts'
export { tableBody, withThousands } from './body.ts'
export type { BodyCell, BodyRow } from './body.ts'
export { blocksFromText, documentOf, seedNarrative, tableTitle } from './document.ts'
export type { Block, Narrative, RenderDocument } from './document.ts'
export { renderDocx } from './docx.ts'
export type { DocxOptions } from './docx.ts'
export { renderXlsx } from './xlsx.ts'
export { renderHtml } from './html.ts'

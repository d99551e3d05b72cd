import type { Place } from '../../model/index.ts'
import type { LayoutCell, LayoutLine } from '../layout.ts'
import { normalizeLine } from '../normalize.ts'
import type { Box } from './grid.ts'
import type { Row } from './lines.ts'

/** A layout cell read from a PDF: its place always has a page and a box. */
export interface PdfCell extends LayoutCell {
  place: Place
  /** Columns and rows of the ruled table a merged cell spans (both 1 for a plain cell). */
  colSpan: number
  rowSpan: number
  /** Set on the empty positions a merged cell covers (its text is in the row and column where it starts). */
  covered?: true
}

/** A layout line read from a PDF. */
export interface PdfLine extends LayoutLine {
  place: Place
  /** The cells of the line, when it has more than one, or belongs to a ruled table. */
  cells?: PdfCell[]
}

/** Round to hundredths of a point: boxes are for people and highlights, not for arithmetic. */
const round = (box: Box): Box => box.map((v) => Math.round(v * 100) / 100) as Box

/**
 * Turn the rows of one page into layout lines numbered from `firstLine`. The cells are joined
 * with tabs (the text parser reads tab-separated tables); empty cells of ruled tables are kept,
 * so a blank between two numbers keeps the tab positions of the header. A line of free text
 * with one cell gets no `cells`.
 */
export function pageLines(file: string, page: number, rows: Row[], firstLine: number): PdfLine[] {
  return rows.map((row, i): PdfLine => {
    const line = firstLine + i
    const cells: PdfCell[] = []
    let start = 0
    for (const c of row.cells) {
      const text = normalizeLine(c.text)
      const cell: PdfCell = {
        text,
        start,
        place: {
          file,
          start: { line, column: start + 1 },
          end: { line, column: start + text.length + 1 },
          page,
          box: round(c.box),
        },
        colSpan: c.colSpan,
        rowSpan: c.rowSpan,
      }
      if (c.covered) cell.covered = true
      cells.push(cell)
      start += text.length + 1
    }
    const text = cells.map((c) => c.text).join('\t')
    const out: PdfLine = {
      line,
      text,
      place: { file, start: { line, column: 1 }, end: { line, column: text.length + 1 }, page, box: round(row.box) },
    }
    if (cells.length > 1 || row.grid !== undefined) out.cells = cells
    return out
  })
}

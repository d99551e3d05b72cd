import type { Place } from '../../model/index.ts'
import type { LayoutCell, LayoutLine } from '../layout.ts'
import { normalizeLine } from '../normalize.ts'

/**
 * One slot of a table grid. A merged cell is one slot with its text (the top-left one) and
 * empty slots for the columns and rows it covers, so that tab positions line up with the data
 * rows below it, as the table reader expects of every drawn table.
 */
export interface GridSlot {
  /** Text as read; newlines and tabs inside it become spaces. */
  text: string
  /** Columns the cell spans (1 for a plain cell, and for the covered slots of a merge). */
  colSpan: number
  /** Rows the cell spans (1 for a plain cell and for covered slots); 1 when not given. */
  rowSpan?: number
  /** A position covered by a merged cell that starts in an earlier row or column. */
  covered?: boolean
  /** The slot's place, given its layout line and 0-based [start, end) in that line's text. */
  place: (line: number, start: number, end: number) => Place
}

/**
 * A layout cell of a drawn office table, with its merge as the PDF reader gives it (PdfCell):
 * the spans of a merged cell where it starts, and `covered` on the empty positions it covers.
 */
export interface OfficeCell extends LayoutCell {
  place: Place
  /** Columns and rows the cell spans (both 1 for a plain cell). */
  colSpan: number
  rowSpan: number
  /** Set on the empty positions a merged cell covers (its text is in the row and column where it starts). */
  covered?: true
}

/** A slot's text as a layout cell holds it: one line, normalised, trimmed. */
export function cellText(text: string): string {
  return normalizeLine(text.replace(/[\t\n\r\v\f\u2028\u2029]+/g, ' ')).trim()
}

/** A place in the extracted (layout) text: what DOCX cells and paragraphs get. */
export const layoutPlace =
  (file: string) =>
  (line: number, start: number, end: number): Place => ({ file, start: { line, column: start + 1 }, end: { line, column: end + 1 } })

/** A table number, a table title or a 编制部门/单位 line standing alone in a row: a plain line wherever it is. */
const TITLE_LIKE = /^(?:附?表\s*[0-9一二三四五六七八九十]+(?:-\d+)?|\S.{0,60}表(?:\s*[(（]续[)）])?|(?:编制(?:部门|单位)|单位)\s*[:：].*)$/

/**
 * The layout lines of one table, numbered from `firstLine`. Every row with any text becomes a
 * tab-joined line with all its cells, empty ones included. Rows with a single text above the
 * first row of two or more texts (titles, 编制单位 lines inside the table), later rows whose only
 * text is a cell spanning the whole width (notes, repeated titles) or looks like a title, and
 * rows after a blank row until the next row of two texts (the next table of a sheet), become
 * plain lines, as they would be in a text disclosure. Rows without any text are left out.
 */
export function tableLines(rows: GridSlot[][], firstLine: number): LayoutLine[] {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0)
  const out: LayoutLine[] = []
  let inTable = false
  for (const row of rows) {
    const texts = row.map((s) => cellText(s.text))
    const filled = texts.map((t, i) => (t ? i : -1)).filter((i) => i >= 0)
    if (filled.length === 0) {
      // A blank row ends a table: what follows may be the title of the next one (one sheet, several tables).
      inTable = false
      continue
    }
    const line = firstLine + out.length
    if (filled.length >= 2) inTable = true
    const only = filled.length === 1 ? filled[0]! : -1
    if (only >= 0 && (!inTable || row[only]!.colSpan >= width || TITLE_LIKE.test(texts[only]!))) {
      const text = texts[only]!
      out.push({ line, text, place: row[only]!.place(line, 0, text.length) })
      continue
    }
    const cells: OfficeCell[] = []
    let start = 0
    for (let i = 0; i < row.length; i++) {
      const text = texts[i]!
      const slot = row[i]!
      const cell: OfficeCell = { text, start, place: slot.place(line, start, start + text.length), colSpan: slot.colSpan, rowSpan: slot.rowSpan ?? 1 }
      if (slot.covered) cell.covered = true
      cells.push(cell)
      start += text.length + 1
    }
    const text = texts.join('\t')
    out.push({ line, text, cells, place: row[0]!.place(line, 0, text.length) })
  }
  return out
}

/**
 * A paragraph as a layout line. A paragraph with tabs (`编制单位：…\t单位：万元`) gets cells, as
 * a tab-separated text line does in textLayout.
 */
export function paragraphLine(text: string, line: number, place: (line: number, start: number, end: number) => Place): LayoutLine {
  const norm = normalizeLine(text.replace(/[\n\r\v\f\u2028\u2029]+/g, ' ')).replace(/\s+$/, '')
  const out: LayoutLine = { line, text: norm, place: place(line, 0, norm.length) }
  if (norm.includes('\t')) {
    let start = 0
    out.cells = norm.split('\t').map((t) => {
      const cell: LayoutCell = { text: t, start, place: place(line, start, start + t.length) }
      start += t.length + 1
      return cell
    })
  }
  return out
}

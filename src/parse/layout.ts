import type { Place } from '../model/index.ts'
import { normalizeText } from './normalize.ts'

/**
 * The intermediate form every reader produces: lines of text, each optionally split into the
 * cells the source drew (tab-separated text, PDF columns, spreadsheet and Word table cells).
 * Text readers keep columns 1:1 with the source line; readers of laid-out formats attach a
 * place (page and box, sheet and cell) to each cell.
 */
export interface LayoutCell {
  /** Normalised cell text. */
  text: string
  /** 0-based start column of the cell in `LayoutLine.text`. */
  start: number
  /** Where the cell is in a laid-out source (page/box, sheet/cell); text sources leave it out. */
  place?: Place
  /** How sure a recogniser (OCR) was of the text, 0 to 1; absent for text read from the source itself. */
  confidence?: number
}

/** Below this confidence a recognised cell is unsure: flagged, and open to correction by the document's own evidence. */
export const LOW_CONFIDENCE = 0.6

export interface LayoutLine {
  /** 1-based line number in the extracted text. */
  line: number
  /** Normalised text (`normalizeLine`: same length and columns as the source line; no wide spaces or full-width marks). */
  text: string
  /** The cells the source drew, when it drew any. */
  cells?: LayoutCell[]
  /** Where the line starts in a laid-out source. */
  place?: Place
}

/** A document as lines. */
export interface Layout {
  file: string
  lines: LayoutLine[]
}

/** Layout of plain text, Markdown or tab-separated text. */
export function textLayout(file: string, text: string): Layout {
  // Normalisation keeps every character in place, so the whole text is normalised in one pass.
  const norm = normalizeText(text)
  const lines: LayoutLine[] = []
  // Line ends and tabs are found by searching the whole text once (V8 searches two-byte strings
  // with SIMD) instead of splitting it and then asking every line whether it has a tab: 20%
  // fewer instructions for the layout of a seed.
  let nextTab = norm.indexOf('\t')
  let nextCr = norm.indexOf('\r')
  for (let start = 0, line = 1; ; line++) {
    let end = norm.indexOf('\n', start)
    if (end < 0) end = norm.length
    if (nextCr >= 0 && nextCr < end) end = nextCr // `\r\n` and a lone `\r` end a line too
    const t = norm.slice(start, end)
    if (nextTab >= 0 && nextTab < end) {
      lines.push({ line, text: t, cells: tabCells(t) })
      nextTab = norm.indexOf('\t', end)
    } else lines.push({ line, text: t })
    if (end === norm.length) break
    start = end + (norm.startsWith('\r\n', end) ? 2 : 1)
    if (nextCr >= 0 && nextCr < start) nextCr = norm.indexOf('\r', start)
  }
  return { file, lines }
}

/**
 * The cells of a tab-separated line, each with its start column. Found with `indexOf` rather
 * than `split('\t')`, which is more than twice as slow on the two-byte strings of Chinese text.
 */
function tabCells(text: string): LayoutCell[] {
  const cells: LayoutCell[] = []
  let start = 0
  for (let tab = text.indexOf('\t'); tab >= 0; tab = text.indexOf('\t', start)) {
    cells.push({ text: text.slice(start, tab), start })
    start = tab + 1
  }
  cells.push({ text: text.slice(start), start })
  return cells
}

/** The place of columns [start, end) of a layout line (0-based), or the cell's own place. */
export function placeOf(file: string, line: LayoutLine, start: number, end: number, cell?: LayoutCell): Place {
  if (cell?.place) return cell.place
  if (line.place) return line.place
  return {
    file,
    start: { line: line.line, column: start + 1 },
    end: { line: line.line, column: end + 1 },
  }
}

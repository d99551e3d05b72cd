import { placeOf, type LayoutCell, type LayoutLine } from '../layout.ts'
import { skipWhite, skipWhiteBack } from '../chars.ts'
import { cellNumber, COMMA, findNumbers, holdsEither, POINT } from '../numbers.ts'
import type { RawNumber } from './raw.ts'

/**
 * One field of a table line: a text, a number or (for drawn cells) an empty cell. Every field
 * has every property (undefined where it does not apply), so the readers see one object shape.
 */
export interface Field {
  text: string
  /** Normalised decimal when the field is a number. */
  number: string | undefined
  /** 0-based column span in the line. */
  start: number
  end: number
  /** Index among the drawn cells of the line, when the source drew cells. */
  index: number | undefined
  cell: LayoutCell | undefined
}

/**
 * The fields of a row of a one-sided table. Drawn cells (tabs, PDF columns) are taken as they
 * are, except blank ones: a field's `index` says which cell it is, and most cells of a wide table
 * are blank (leaving them out saved 2% of the table reader's instructions on the seeds).
 * Cells before `firstCell` (the code cells of a row) are left out too. Plain text is split into
 * texts and numbers, and only the run of numbers at the end of the line counts: numbers inside a
 * name (`“12345”政务热线`) are not taken, because such a row prints its numbers after its names.
 * With `strictDecimals`, a bare integer in plain text is not a money figure (tables in 万元
 * always print two decimals), which keeps `208 05 02` codes and page numbers out.
 */
export function rowFields(line: LayoutLine, strictDecimals: boolean, firstCell = 0): Field[] {
  return line.cells ? cellFields(line.cells, firstCell, false) : textFields(line.text, strictDecimals, true)
}

/**
 * The fields of a line of a two-sided table: every drawn cell, blank ones too (they give each
 * side its extent), and in plain text every number, as two-sided lines carry numbers in the
 * middle (`其中：一般财力 421.63 203 国防支出`).
 */
export function twoSidedFields(line: LayoutLine, strictDecimals: boolean): Field[] {
  return line.cells ? cellFields(line.cells, 0, true) : textFields(line.text, strictDecimals, false)
}

function cellFields(cells: LayoutCell[], first: number, withBlank: boolean): Field[] {
  const fields: Field[] = []
  for (let index = first; index < cells.length; index++) {
    const cell = cells[index]!
    if (cell.text === '') {
      if (withBlank) fields.push({ text: '', number: undefined, start: cell.start, end: cell.start, index, cell })
      continue
    }
    // The field spans the text itself, not the padding or blanked markup around it.
    const from = skipWhite(cell.text, 0)
    const to = skipWhiteBack(cell.text, cell.text.length)
    const text = from === 0 && to === cell.text.length ? cell.text : cell.text.slice(from, Math.max(from, to))
    if (!text && !withBlank) continue
    const start = cell.start + (text ? from : 0)
    fields.push({ text, number: cellNumber(text), start, end: start + text.length, index, cell })
  }
  return fields
}

function textFields(text: string, strictDecimals: boolean, trailingOnly: boolean): Field[] {
  let nums = findNumbers(text)
  // Printed with a decimal point or a thousands comma.
  if (strictDecimals) nums = nums.filter((n) => holdsEither(n.raw, POINT, COMMA))
  // Keep only the trailing run: numbers separated from each other by whitespace alone.
  let first = trailingOnly ? nums.length : 0
  for (let i = nums.length - 1; trailingOnly && i >= 0; i--) {
    const gapEnd = i === nums.length - 1 ? text.length : nums[i + 1]!.start
    if (skipWhite(text, nums[i]!.end) < gapEnd) break
    first = i
  }
  const fields: Field[] = []
  let pos = 0
  for (let i = first; i < nums.length; i++) {
    const n = nums[i]!
    pushText(fields, text, pos, n.start)
    fields.push({ text: n.raw, number: n.value, start: n.start, end: n.end, index: undefined, cell: undefined })
    pos = n.end
  }
  pushText(fields, text, pos, text.length)
  return fields
}

/** The text between two positions, without its surrounding blanks, as a field (none when blank). */
function pushText(fields: Field[], text: string, from: number, to: number): void {
  const start = skipWhite(text, from)
  if (start >= to) return
  const end = skipWhiteBack(text, to)
  fields.push({ text: text.slice(start, end), number: undefined, start, end, index: undefined, cell: undefined })
}

/** The texts of fields joined by `separator`: a label is most often one field, and then no array is built. */
export function joinTexts(fields: Field[], separator: string, from = 0): string {
  let text = from < fields.length ? fields[from]!.text : ''
  for (let i = from + 1; i < fields.length; i++) text += separator + fields[i]!.text
  return text
}

/** The number a field holds, placed in its source, with the OCR confidence of its cell when it has one. */
export function rawNumber(file: string, line: LayoutLine, f: Field, column?: string): RawNumber {
  const place = placeOf(file, line, f.start, f.end, f.cell)
  return { value: f.number!, fen: undefined, confidence: f.cell?.confidence, raw: f.text, place, column: column || undefined, hint: undefined }
}

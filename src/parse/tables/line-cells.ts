import { placeOf, type LayoutCell, type LayoutLine } from '../layout.ts'
import { cellNumber, findNumbers } from '../numbers.ts'
import type { RawNumber } from './raw.ts'

/** One field of a table line: a text, a number or (for drawn cells) an empty cell. */
export interface Field {
  text: string
  /** Normalised decimal when the field is a number. */
  number?: string
  /** 0-based column span in the line. */
  start: number
  end: number
  /** Index among the drawn cells of the line, when the source drew cells. */
  index?: number
  cell?: LayoutCell
}

/**
 * Split a line into fields. Drawn cells (tabs, PDF columns) are taken as they are. Plain text is
 * split into texts and numbers. With `trailingOnly` (rows of one-sided tables) only the run of
 * numbers at the end of the line counts; numbers inside a name (`“12345”政务热线`) are not
 * taken, because such a row prints its numbers after its names. Two-sided rows carry numbers
 * in the middle (`其中：一般财力 421.63 203 国防支出`).
 * With `strictDecimals`, a bare integer in plain text is not a money figure (tables in 万元
 * always print two decimals), which keeps `208 05 02` codes and page numbers out.
 */
export function fieldsOf(line: LayoutLine, strictDecimals: boolean, trailingOnly = true): Field[] {
  if (line.cells) {
    return line.cells.map((cell, index) => {
      const text = cell.text.trim()
      const number = cellNumber(text)
      // The field spans the text itself, not the padding or blanked markup around it.
      const start = cell.start + (text ? cell.text.indexOf(text) : 0)
      const f: Field = { text, start, end: start + text.length, index, cell }
      if (number !== undefined) f.number = number
      return f
    })
  }
  const text = line.text
  const nums = findNumbers(text).filter((n) => !strictDecimals || /[.,]/.test(n.raw))
  // Keep only the trailing run: numbers separated from each other by whitespace alone.
  let first = trailingOnly ? nums.length : 0
  for (let i = nums.length - 1; trailingOnly && i >= 0; i--) {
    const after = i === nums.length - 1 ? text.slice(nums[i]!.end) : text.slice(nums[i]!.end, nums[i + 1]!.start)
    if (after.trim() !== '') break
    first = i
  }
  const fields: Field[] = []
  let pos = 0
  const textUpTo = (end: number) => {
    const seg = text.slice(pos, end)
    const m = /\S(?:.*\S)?/.exec(seg)
    if (m) fields.push({ text: m[0], start: pos + m.index, end: pos + m.index + m[0].length })
  }
  for (const n of nums.slice(first)) {
    textUpTo(n.start)
    fields.push({ text: n.raw, number: n.value, start: n.start, end: n.end })
    pos = n.end
  }
  textUpTo(text.length)
  return fields
}

/** The number a field holds, placed in its source, with the OCR confidence of its cell when it has one. */
export function rawNumber(file: string, line: LayoutLine, f: Field, column?: string): RawNumber {
  const n: RawNumber = { value: f.number!, raw: f.text, place: placeOf(file, line, f.start, f.end, f.cell) }
  if (f.cell?.confidence !== undefined) n.confidence = f.cell.confidence
  if (column) n.column = column
  return n
}

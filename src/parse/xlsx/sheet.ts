import { scanXml } from '../office/xml.ts'

/** A stored cell of a worksheet, as written in its `<c>` element. */
export interface RawCell {
  /** 1-based row and column. */
  row: number
  col: number
  /** `t`: s (shared string), str, inlineStr, b, e, n (default), d. */
  type: string
  /** `s`: index into cellXfs. */
  style: number
  /** `<v>` content, or the inline string. */
  value: string
  /** The cell has a `<v>` or an inline string. */
  hasValue: boolean
  /** The cell has a formula. */
  formula: boolean
}

/** What one worksheet part holds that a reader needs. */
export interface RawSheet {
  cells: RawCell[]
  /** Merged ranges as [top, left, bottom, right], 1-based inclusive. */
  merges: [number, number, number, number][]
  hiddenRows: Set<number>
  hiddenCols: Set<number>
  /** Cells beyond `maxCells` were not kept. */
  truncated: boolean
}

/** `B7` → [7, 2]; undefined for a malformed reference. */
export function parseRef(ref: string): [row: number, col: number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref)
  if (!m) return undefined
  let col = 0
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64)
  return [Number(m[2]), col]
}

/** [7, 2] → `B7`. */
export function refOf(row: number, col: number): string {
  let s = ''
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return `${s}${row}`
}

/**
 * Read a worksheet part with the streaming tokenizer: a sheet can hold far more cells than a
 * disclosure table, so no element tree is built. Keeps at most `maxCells` cells with a value.
 */
export function readSheet(xml: string, maxCells: number): RawSheet {
  const sheet: RawSheet = { cells: [], merges: [], hiddenRows: new Set(), hiddenCols: new Set(), truncated: false }
  let row = 0
  let col = 0
  let cell: RawCell | undefined
  let capture: 'v' | 't' | undefined
  let inIs = false
  let inPhonetic = false
  scanXml(xml, {
    onopen(name, a) {
      switch (name) {
        case 'row':
          row = Number(a.r) || row + 1
          col = 0
          if (a.hidden === '1' || a.hidden === 'true') sheet.hiddenRows.add(row)
          break
        case 'c': {
          const ref = a.r ? parseRef(a.r) : undefined
          if (ref) [row, col] = ref
          else col += 1
          cell = { row, col, type: a.t ?? 'n', style: Number(a.s) || 0, value: '', hasValue: false, formula: false }
          break
        }
        case 'v':
          if (cell) {
            capture = 'v'
            cell.hasValue = true
          }
          break
        case 'f':
          if (cell) cell.formula = true
          break
        case 'is':
          inIs = true
          if (cell) cell.hasValue = true
          break
        case 'rPh':
          inPhonetic = true
          break
        case 't':
          if (cell && inIs && !inPhonetic) capture = 't'
          break
        case 'mergeCell': {
          const [from, to] = (a.ref ?? '').split(':')
          const tl = from ? parseRef(from) : undefined
          const br = to ? parseRef(to) : tl
          if (tl && br) sheet.merges.push([Math.min(tl[0], br[0]), Math.min(tl[1], br[1]), Math.max(tl[0], br[0]), Math.max(tl[1], br[1])])
          break
        }
        case 'col':
          if (a.hidden === '1' || a.hidden === 'true') {
            const min = Number(a.min) || 0
            const max = Math.min(Number(a.max) || min, 16384)
            for (let c = min; c <= max; c++) sheet.hiddenCols.add(c)
          }
          break
      }
    },
    ontext(text) {
      if (capture && cell) cell.value += text
    },
    onclose(name) {
      if (name === 'v' || name === 't') capture = undefined
      else if (name === 'is') inIs = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'c' && cell) {
        if (cell.hasValue || cell.formula) {
          if (sheet.cells.length < maxCells) sheet.cells.push(cell)
          else sheet.truncated = true
        }
        cell = undefined
      }
    },
  })
  return sheet
}

/** The texts of the shared string table (`<si>`: plain `<t>` or rich-text runs; phonetic runs left out). */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = []
  let cur: string | undefined
  let inT = false
  let inPhonetic = false
  scanXml(xml, {
    onopen(name) {
      if (name === 'si') cur = ''
      else if (name === 'rPh') inPhonetic = true
      else if (name === 't' && !inPhonetic) inT = true
    },
    ontext(text) {
      if (inT && cur !== undefined) cur += text
    },
    onclose(name) {
      if (name === 't') inT = false
      else if (name === 'rPh') inPhonetic = false
      else if (name === 'si') {
        out.push(cur ?? '')
        cur = undefined
      }
    },
  })
  return out
}

import { firstCode, squeeze } from '../chars.ts'
import { isDigit } from '../numbers.ts'

/**
 * Leading classification codes of a table row. Documents print a function code as one cell
 * (`2010306`), as 类/款/项 cells (`201 | 03 | 06`) or as spaced text (`201 03 06`), and an
 * economic code as `301 01` or `30101`.
 */
export interface LeadingCode {
  code: string
  /** How many fields (drawn cells) or characters (plain text) the code took. */
  fields: number
  chars: number
}

/** Function codes start with 2 (expenditure 201–234), economic codes with 3 (301–399) or 5 (501–599). */
export type CodeKind = 'function' | 'economic'

/** Whether a code of digits opens as codes of its kind do (2; 3 or 5). */
function opensKind(code: string, kind: CodeKind): boolean {
  const c = code.charCodeAt(0)
  return kind === 'function' ? c === 50 : c === 51 || c === 53
}

/**
 * Whether `code` is a code of `kind`: 3, 5 or 7 ASCII digits (类, 款, 项; with `classOnly`, 3 for a
 * 类) opening as its kind does. Tested by its characters, not a pattern: every row's first cell and
 * every coded row of the narrative's lookups comes here.
 */
export function isCode(code: string, kind: CodeKind, classOnly = false): boolean {
  const n = code.length
  if (!opensKind(code, kind) || (n !== 3 && (classOnly || (n !== 5 && n !== 7)))) return false
  for (let i = 1; i < n; i++) if (!isDigit(code.charCodeAt(i))) return false
  return true
}

/** The code at the start of drawn cells, or undefined. */
export function codeFromCells(cells: readonly { text: string }[], kind: CodeKind): LeadingCode | undefined {
  // Most rows start with a name: reject them before squeezing or matching anything.
  if (cells.length === 0 || !startsWithDigit(cells[0]!.text)) return undefined
  const first = squeeze(cells[0]!.text)
  if (!isCode(first, kind)) return undefined
  if (first.length !== 3) return { code: first, fields: 1, chars: 0 }
  // 类 | 款 | 项 cells (only the first three cells can hold them); empty cells after the last part belong to the code columns.
  let code = first
  let fields = 1
  const max = kind === 'function' ? 3 : 2
  while (fields < max && fields < cells.length) {
    const p = squeeze(cells[fields]!.text)
    if (isTwoDigits(p) && code.length === 1 + fields * 2) code += p
    else if (p !== '') break
    fields++
  }
  return { code, fields, chars: 0 }
}

/** Whether a text's first non-blank character is an ASCII digit. */
function startsWithDigit(text: string): boolean {
  return isDigit(firstCode(text))
}

/** The code at the start of a plain-text line (`201 03 06 政务公开审批 …`), or undefined. */
export function codeFromText(text: string, kind: CodeKind): LeadingCode | undefined {
  if (!startsWithDigit(text)) return undefined
  const m = /^\s*(\d{3})(?:[ \t]+(\d{2}))?(?:[ \t]+(\d{2}))?(?=\s|$|[^\d.,])/.exec(text)
  if (m && opensKind(m[1]!, kind)) {
    const code = m[1]! + (m[2] ?? '') + (kind === 'function' ? (m[3] ?? '') : '')
    const chars = kind === 'function' || !m[3] ? m[0].length : m[0].length - m[3].length - 1
    return { code, fields: 0, chars }
  }
  const j = /^\s*(\d{5}|\d{7})(?=\s|[^\d.,])/.exec(text)
  if (j && opensKind(j[1]!, kind) && (kind === 'function' || j[1]!.length === 5)) {
    return { code: j[1]!, fields: 0, chars: j[0].length }
  }
  return undefined
}

/**
 * A row whose 类 (or 类 and 款) cells are empty but whose 款/项 cells hold codes continues the
 * code of the row above: documents print the 类 once and merge its cell down the rows it covers.
 */
export function inheritedCode(cells: readonly { text: string }[], previous: string, kind: CodeKind): LeadingCode | undefined {
  if (cells.length === 0 || squeeze(cells[0]!.text) !== '') return undefined
  const kuan = cells.length > 1 ? squeeze(cells[1]!.text) : undefined
  const xiang = cells.length > 2 ? squeeze(cells[2]!.text) : undefined
  if (isTwoDigits(kuan) && previous.length >= 3) {
    if (kind === 'economic') return { code: previous.slice(0, 3) + kuan, fields: 2, chars: 0 }
    if (isTwoDigits(xiang)) return { code: previous.slice(0, 3) + kuan + xiang, fields: 3, chars: 0 }
    return xiang === '' ? { code: previous.slice(0, 3) + kuan, fields: 3, chars: 0 } : undefined
  }
  if (kind === 'function' && kuan === '' && isTwoDigits(xiang) && previous.length >= 5) {
    return { code: previous.slice(0, 5) + xiang, fields: 3, chars: 0 }
  }
  return undefined
}

function isTwoDigits(part: string | undefined): part is string {
  return part !== undefined && part.length === 2 && isDigit(part.charCodeAt(0)) && isDigit(part.charCodeAt(1))
}


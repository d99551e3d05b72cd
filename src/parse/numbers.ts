/**
 * Numbers as printed in disclosures: `1,221.42`, OCR-spaced `1, 221. 42`, `0.00`, `-` for zero,
 * `47,483,458` in tables printed in 元. Written by hand because the spacing and the `-` zero are
 * domain conventions no number-parsing library knows.
 */

import { skipWhite, skipWhiteBack } from './chars.ts'

/** A number found in a line. */
export interface NumberToken {
  /** Normalised decimal: no separators or spaces, ASCII digits. */
  value: string
  /** The text as printed. */
  raw: string
  /** 0-based start and end (exclusive) in the line. */
  start: number
  end: number
}

// Groups of three may be separated by `,` or `, ` (OCR); the decimal point may be followed by a space (OCR).
const MONEY = /(?<![\d.,])-?(?:\d{1,3}(?:, ?\d{3})+|\d+)(?:\. ?\d+)?(?![\d])/g

/** All numbers in a text segment, left to right. */
export function findNumbers(text: string, offset = 0): NumberToken[] {
  const out: NumberToken[] = []
  MONEY.lastIndex = 0
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    out.push({ value: clean(m[0]), raw: m[0], start: offset + m.index, end: offset + m.index + m[0].length })
  }
  return out
}

/** A whole cell that is one number (or `-` / `—` standing for zero); undefined otherwise. */
export function cellNumber(text: string): string | undefined {
  const start = skipWhite(text, 0)
  // Most cells are names: reject them by their first character, before any copy or scan.
  const first = text.charCodeAt(start)
  if (!(first >= 48 && first <= 57) && first !== 45 && first !== 0x2014 && first !== 0x2013) return undefined
  const end = skipWhiteBack(text, text.length)
  const t = start === 0 && end === text.length ? text : text.slice(start, end)
  if (t.length === 1 && !(first >= 48 && first <= 57)) return '0' // `-`, `—` or `–` alone
  return wholeNumber(t)
}

/**
 * `t` when it is one number as MONEY reads it (`-1,221.42`, `1, 221. 42`), without its separators;
 * undefined otherwise. A scan rather than a regular expression: every table cell comes through here.
 */
function wholeNumber(t: string): string | undefined {
  let i = t.charCodeAt(0) === 45 ? 1 : 0 // '-'
  const intStart = i
  while (isDigit(t.charCodeAt(i))) i++
  const intDigits = i - intStart
  if (intDigits === 0) return undefined
  let separated = false
  if (t.charCodeAt(i) === 44) {
    // Thousands groups: one to three digits, then `,` or `, ` and exactly three digits, repeatedly.
    if (intDigits > 3) return undefined
    while (t.charCodeAt(i) === 44) {
      i++
      if (t.charCodeAt(i) === 32) i++
      for (let d = 0; d < 3; d++, i++) if (!isDigit(t.charCodeAt(i))) return undefined
      if (isDigit(t.charCodeAt(i))) return undefined
    }
    separated = true
  }
  if (t.charCodeAt(i) === 46) {
    // The decimal point, an OCR space after it, and at least one digit.
    i++
    if (t.charCodeAt(i) === 32) (i++, (separated = true))
    const fracStart = i
    while (isDigit(t.charCodeAt(i))) i++
    if (i === fracStart) return undefined
  }
  if (i !== t.length) return undefined
  return separated ? clean(t) : t
}

/** Whether a UTF-16 code is an ASCII digit. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/** A number's text without thousands separators and OCR's stray spaces (`1, 221. 42`). */
function clean(raw: string): string {
  return holdsEither(raw, COMMA, SPACE) ? raw.replace(/[ ,]/g, '') : raw
}

export const COMMA = 44
export const POINT = 46
const SPACE = 32

/**
 * Whether a number's text holds the character `a` or `b` (by code). A loop over its few
 * characters: two `includes` calls per number cost 56 K more instructions on a plain-text seed (001).
 */
export function holdsEither(raw: string, a: number, b: number): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c === a || c === b) return true
  }
  return false
}

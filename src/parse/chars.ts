/**
 * Character tests by code for the checks that run on every line and cell: a regular expression or
 * a one-character string per line costs more than the rest of the line's reading. One white-space
 * test serves the whole parse (tables, numbers, narrative): the characters `\s` and `trim` take.
 */

/** White space as `\s` and `trim` define it (U+3000, U+00A0, U+FEFF and line terminators included). */
export function isWhite(c: number): boolean {
  // Ordered by what the text is made of: Chinese (above U+3000) and ASCII are settled in one or two
  // comparisons instead of the whole list: 3% of the narrative's instructions (the squeezed cells of target tables).
  if (c > 0x3000) return c === 0xfeff
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13)
  if (c < 0xa0) return false
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
}

/** The first position at or after `i` that is not white space (`skipWhite(t, 0)`: what `trimStart` takes off). */
export function skipWhite(t: string, i: number): number {
  while (i < t.length && isWhite(t.charCodeAt(i))) i++
  return i
}

/** The position after the last character before `i` that is not white space (`skipWhiteBack(t, t.length)`: where `trimEnd` cuts). */
export function skipWhiteBack(t: string, i: number): number {
  while (i > 0 && isWhite(t.charCodeAt(i - 1))) i--
  return i
}

/**
 * `t.charCodeAt(i)`, NaN outside the text, without reading outside it: a read past the end, once
 * seen at a call site, makes every later read there a call instead of an inlined load.
 */
export function codeAt(t: string, i: number): number {
  return i >= 0 && i < t.length ? t.charCodeAt(i) : NaN
}

/** The code of the first character after leading white space; NaN for a blank text. */
export function firstCode(t: string): number {
  return codeAt(t, skipWhite(t, 0))
}

/** `t.trim() === ''` without making the trimmed string. */
export function isBlank(t: string): boolean {
  return skipWhite(t, 0) === t.length
}

// Each CharSet is one bit of this table, indexed by character code: a test is one array read,
// where a Set of numbers hashes the code on every test.
const TABLE = new Uint32Array(0x10000)
let bitsUsed = 0

/** A set of characters, tested by code. */
export class CharSet {
  private readonly bit: number
  constructor(chars: string) {
    if (bitsUsed === 32) throw new Error('CharSet: all 32 bits of the table are taken')
    this.bit = 1 << bitsUsed++
    for (const c of chars) TABLE[c.charCodeAt(0)]! |= this.bit
  }

  /** True for the code of one of the characters (false for NaN, what charCodeAt gives past the end). */
  has(code: number): boolean {
    // `& 0xffff` reads NaN as 0, a code no set holds: a NaN index, once seen, made every read of the
    // table a slow generic one (megamorphic), about 3% of the narrative's instructions.
    return (TABLE[code & 0xffff]! & this.bit) !== 0
  }
}

/** A full stop or a semicolon: where a sentence (or a clause of one) ends. */
export const SENTENCE_END = new CharSet('。;；')
/** The marks a clause ends at: a subject, or the name of a table, starts after one. */
export const CLAUSE_MARK = new CharSet(',，:：;；。、')

const SPACES = /\s+/g

/** The text without white space (labels and cells are printed with stray spaces: `日常专项业务项 目`). */
export function squeeze(t: string): string {
  // A character loop finds the common case (no white space in a short label) faster than a regular expression call.
  for (let k = 0; k < t.length; k++) if (isWhite(t.charCodeAt(k))) return t.replace(SPACES, '')
  return t
}

/**
 * `squeeze` for the narrative: the same code as a second function. V8 keeps type feedback per
 * function, and one function serving both the table labels and the narrative's prose made the
 * whole parse 0.6% slower (30.18 G against 30.00 G instructions for 600 parses of the three seeds).
 */
export function squeezeProse(t: string): string {
  for (let k = 0; k < t.length; k++) if (isWhite(t.charCodeAt(k))) return t.replace(SPACES, '')
  return t
}

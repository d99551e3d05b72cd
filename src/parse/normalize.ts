import { squeeze } from './chars.ts'

/**
 * Character normalisation that keeps every character in its column: full-width ASCII becomes
 * half-width, ideographic and no-break spaces become spaces, and markup (HTML tags, Markdown
 * emphasis and heading marks) becomes spaces of the same length. Positions in the normalised
 * line are therefore positions in the source line.
 */
export function normalizeLine(line: string): string {
  return normalizeText(line)
}

/**
 * `normalizeLine` for a whole text at once (lines keep their lengths). The text's UTF-16 code
 * units are rewritten in one buffer, a pass per kind of change.
 *
 * Why by hand: regular-expression replaces copy the whole text once each, and a replace callback
 * per full-width character costs more still. The units are read two at a time (a typed-array
 * read costs about the same for 32 bits as for 16: 20 µs a seed instead of 40), markup is found
 * by string search (V8 searches for an ASCII character with SIMD, but not for a wide space).
 */
export function normalizeText(text: string): string {
  // Most calls after the layout's are on text normalised already (titles, labels, paragraphs).
  if (isPlain(text)) return text
  const units = new Utf16(text)
  const narrowed = narrow(units) ? units.toString() : text
  if (!hasMarkup(narrowed)) return narrowed
  // Each pass reads the units the one before it wrote; where to look comes from the narrowed text.
  const changed = blankTags(units, narrowed) | blankEntities(units, narrowed) | blankEmphasis(units, narrowed) | blankHeadingMarks(units, narrowed)
  return changed ? units.toString() : narrowed
}

/** Whether a text has a character that may open markup: `<` `&` `*` `_` `#`. */
function hasMarkup(text: string): boolean {
  for (const c of MARKUP) if (text.includes(c)) return true
  return false
}

const MARKUP = ['<', '&', '*', '_', '#']

/** `hasMarkup` for one UTF-16 code. */
function opensMarkup(c: number): boolean {
  return c === 60 || c === 38 || c === 42 || c === 95 || c === 35
}

/** A writable copy of a string's UTF-16 code units, also readable two units at a time. */
class Utf16 {
  readonly units: Uint16Array
  readonly pairs: Uint32Array
  private readonly bytes: Buffer

  constructor(text: string) {
    const size = 4 * Math.ceil(text.length / 2)
    // Normalisation is synchronous, so one scratch buffer serves every call: a new buffer per call
    // made a short label's normalisation twice as slow. (Not Buffer's shared pool: its slices may
    // start at an offset a Uint32Array cannot.)
    if (size > scratch.byteLength && size <= SCRATCH_LIMIT) scratch = new ArrayBuffer(Math.min(SCRATCH_LIMIT, Math.max(size, 2 * scratch.byteLength)))
    const memory = size <= scratch.byteLength ? scratch : new ArrayBuffer(size)
    this.bytes = Buffer.from(memory, 0, size)
    this.bytes.write(text, 'utf16le')
    this.units = new Uint16Array(memory, 0, text.length)
    this.pairs = new Uint32Array(memory, 0, size / 4)
    if (text.length % 2 === 1) this.bytes.writeUInt16LE(0, 2 * text.length) // the pad unit of an odd length
  }

  toString(): string {
    return this.bytes.toString('utf16le', 0, 2 * this.units.length)
  }
}

let scratch = new ArrayBuffer(4096)
/** Texts larger than a long disclosure (1 MB of UTF-16) get a buffer of their own rather than a scratch kept for good. */
const SCRATCH_LIMIT = 1 << 20

const SPACE = 32
const NEWLINE = 10

/** Full-width ASCII (U+FF01–FF5E) to half-width, wide spaces to spaces. Returns whether anything changed. */
function narrow({ units, pairs }: Utf16): boolean {
  let changed = false
  for (let p = 0; p < pairs.length; p++) {
    const pair = pairs[p]!
    if (!narrows(pair & 0xffff) && !narrows(pair >>> 16)) continue
    for (let i = 2 * p; i < 2 * p + 2; i++) {
      const c = units[i]!
      if (isFullWidth(c)) units[i] = c - 0xfee0
      else if (isWideSpace(c)) units[i] = SPACE
      else continue
      changed = true
    }
  }
  return changed
}

/** Whether `narrow` changes a unit, ordered so that ASCII leaves after one comparison and CJK (U+3400–9FFF) after three. */
function narrows(c: number): boolean {
  return c >= 0xa0 && (c >= 0xff01 ? c <= 0xff5e : c <= 0x3000 && isWideSpace(c))
}

/** HTML tags (`<td>`, `</span>`, `<br/>`: `<`, an optional `/`, a letter, then anything but `<`, `>` or a line break up to `>`) to spaces. */
function blankTags({ units }: Utf16, text: string): number {
  let changed = 0
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    let j = i + 1
    if (units[j] === SLASH) j++
    if (!isAsciiLetter(units[j] ?? 0)) continue
    let k = j + 1
    while (k < units.length && units[k] !== LT && units[k] !== GT && units[k] !== NEWLINE) k++
    if (units[k] !== GT) continue
    units.fill(SPACE, i, k + 1)
    changed = 1
    i = k
  }
  return changed
}

const LT = 60 // <
const GT = 62 // >
const SLASH = 47

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

/** `&nbsp;` (Markdown exported from HTML) to six spaces, unless a tag around it is blank already. */
function blankEntities({ units }: Utf16, text: string): number {
  let changed = 0
  for (let i = text.indexOf('&nbsp;'); i >= 0; i = text.indexOf('&nbsp;', i + 6)) {
    if (units[i] === SPACE) continue
    units.fill(SPACE, i, i + 6)
    changed = 1
  }
  return changed
}

/** Markdown emphasis `**` and `__` to two spaces, pairs taken from the left as they come. */
function blankEmphasis(units: Utf16, text: string): number {
  return blankPairs(units, text, '**') | blankPairs(units, text, '__')
}

function blankPairs({ units }: Utf16, text: string, pair: string): number {
  let changed = 0
  const mark = pair.charCodeAt(0)
  for (let i = text.indexOf(pair); i >= 0; i = text.indexOf(pair, i + 1)) {
    // Left of a blanked pair or inside a blanked tag, a mark is gone.
    if (units[i] !== mark || units[i + 1] !== mark) continue
    units[i] = units[i + 1] = SPACE
    changed = 1
    i++
  }
  return changed
}

/** Markdown heading marks (one to six `#` and a space) at the start of a line to spaces. */
function blankHeadingMarks({ units }: Utf16, text: string): number {
  let changed = 0
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    if (units[i] !== HASH || (i > 0 && !isLineTerminator(units[i - 1]!))) continue
    let k = i
    while (units[k] === HASH) k++
    if (k - i > 6 || units[k] !== SPACE) {
      i = k - 1
      continue
    }
    units.fill(SPACE, i, k + 1)
    changed = 1
    i = k
  }
  return changed
}

const HASH = 35

function isLineTerminator(c: number): boolean {
  return c === NEWLINE || c === 13 || c === 0x2028 || c === 0x2029
}

/**
 * Whether a text has nothing to normalise: no wide character, markup or heading mark. It stops
 * at the first such character, which in a whole disclosure comes within its first lines.
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (opensMarkup(c) || narrows(c)) return false
  }
  return true
}

/** Full-width ASCII (！ to ～), which narrows to its half-width twin. */
function isFullWidth(c: number): boolean {
  return c >= 0xff01 && c <= 0xff5e
}

/** Ideographic, no-break, en and em spaces, which become a plain space. */
function isWideSpace(c: number): boolean {
  return c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003
}

/** A label for comparison: no whitespace, no markup, half-width brackets and colon, no list numbering. */
export function normalizeLabel(text: string): string {
  let label = squeeze(normalizeLine(text))
  // Most labels start with a plain word: the prefixes are looked for only after a character that can begin one.
  if (PREFIX_START.test(label)) {
    label = label
      .replace(/^[-*]+/, '')
      .replace(/^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.](?!\d)|\(\d+\))/, '')
      .replace(/^其中[:：]?/, '')
  }
  const last = label.charCodeAt(label.length - 1)
  return last === 58 || last === 0xff1a ? label.slice(0, -1) : label // `:` or `：`
}

/** The first characters of a bullet, a list number or `其中`. */
const PREFIX_START = /^[-*(\d一二三四五六七八九十其]/

/**
 * Sentence punctuation in a normalised line: `。`, and `,` `;` (the full-width `，；` after
 * normalisation) where a comma is not a thousands separator (`1,221.42`, OCR `1, 221. 42`).
 */
export const SENTENCE_PUNCTUATION = /[。；;]|[，,](?! ?\d)/

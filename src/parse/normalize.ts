/**
 * Character normalisation that keeps every character in its column: full-width ASCII becomes
 * half-width, ideographic and no-break spaces become spaces, and markup (HTML tags, Markdown
 * emphasis and heading marks) becomes spaces of the same length. Positions in the normalised
 * line are therefore positions in the source line.
 */
export function normalizeLine(line: string): string {
  return normalizeText(line)
}

/** `normalizeLine` for a whole text at once (one pass instead of one per line; lines keep their lengths). */
export function normalizeText(text: string): string {
  if (text.length < 64 && isPlain(text)) return text
  let out = WIDE.test(text) ? narrowAll(text) : text
  if (out.includes('<') || out.includes('&')) {
    out = out.replace(/<\/?[a-zA-Z][^<>\n]*>/g, blanks).replace(/&nbsp;/g, '      ')
  }
  if (out.includes('**') || out.includes('__')) out = out.replace(/\*\*|__/g, '  ')
  if (out.includes('#')) {
    // Heading marks at the start of a line. A line terminator to search for is much faster than a
    // multiline `^`, which is tried at every position of the text.
    if (/^#{1,6} /.test(out)) out = out.replace(/^#{1,6} /, blanks)
    out = out.replace(/[\n\r\u2028\u2029]#{1,6} /g, (m) => m[0] + blanks(m.slice(1)))
  }
  return out
}

function blanks(m: string): string {
  return ' '.repeat(m.length)
}

const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003]/

/**
 * Whether a short text has nothing to normalise: no wide character, markup or heading mark. One
 * loop over a label is much cheaper than the five searches the general path makes.
 */
function isPlain(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 60 || c === 38 || c === 42 || c === 95 || c === 35) return false // < & * _ #
    if (c >= 0xa0 && (isWideSpace(c) || isFullWidth(c))) return false
  }
  return true
}

/**
 * Full-width ASCII to half-width and wide spaces to spaces. A disclosure has thousands of
 * full-width commas and brackets: changing the UTF-16 code units in a buffer is much faster
 * than a replace callback per character, and keeps every character in its column.
 */
function narrowAll(text: string): string {
  const bytes = Buffer.from(text, 'utf16le')
  // Buffers of small strings come from a shared pool and may start at an odd offset.
  const units = bytes.byteOffset % 2 === 0 ? new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2) : new Uint16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
  for (let i = 0; i < units.length; i++) {
    const c = units[i]!
    if (c < 0xa0) continue
    if (isFullWidth(c)) units[i] = c - 0xfee0
    else if (isWideSpace(c)) units[i] = 32
  }
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le')
}

/** Full-width ASCII (！ to ～), which narrows to its half-width twin. The set of `WIDE` with the spaces below. */
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

/** Whether a text is empty or whitespace only (`text.trim() === ''` without making a trimmed copy). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false
  return true
}

/** Whether a UTF-16 code is whitespace or a line terminator, as `trim` and `\s` see it. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0x80 && isUnicodeSpace(c))
}

/** Remove all whitespace (names inside row keys are printed with layout breaks: `日常专项业务项 目`). */
export function squeeze(text: string): string {
  // A character loop finds the common case (no whitespace in a short label) faster than a regular expression call.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 32 || (c >= 0x80 && isUnicodeSpace(c))) return text.replace(SPACES, '')
  }
  return text
}

const SPACES = /\s+/g

/** The non-ASCII characters `\s` matches. */
function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * Sentence punctuation in a normalised line: `。`, and `,` `;` (the full-width `，；` after
 * normalisation) where a comma is not a thousands separator (`1,221.42`, OCR `1, 221. 42`).
 */
export const SENTENCE_PUNCTUATION = /[。；;]|[，,](?! ?\d)/

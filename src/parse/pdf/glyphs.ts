import type { TextContent, TextItem } from './pdfjs.ts'

/** An affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number]

/** A run of non-blank characters at one place on a page, in PDF points with a top-left origin. */
export interface Word {
  text: string
  /** Left and right edge. */
  x0: number
  x1: number
  /** Top and bottom of the glyph box (estimated from the font size). */
  y0: number
  y1: number
  /** Baseline. */
  base: number
  /** Font size in points. */
  size: number
}

/** The words of one page and how many of its glyphs pdf.js could not map to Unicode. */
export interface PageGlyphs {
  words: Word[]
  /** Non-blank characters seen. */
  glyphs: number
  /** Characters without a Unicode mapping: U+FFFD, and the private-use and control codes that broken ToUnicode maps produce. */
  unmapped: number
}

/** Multiply two matrices: the result applies `m2` first, then `m1` (pdf.js `Util.transform`). */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ]
}

/** Apply a matrix to a point. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

const isBlank = (ch: string) => /\s/.test(ch)

/** True for a character with no usable Unicode value. */
export function isUnmapped(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20
}

/**
 * How far to turn the page view (0, 90, 180 or 270 degrees, clockwise) so that most of its text
 * reads upright. Content drawn turned on a page without /Rotate (a landscape table printed onto
 * a portrait page) shows sideways; read that way, every glyph would be a line of its own.
 */
export function uprightTurn(content: TextContent, viewport: Matrix): 0 | 90 | 180 | 270 {
  const votes = [0, 0, 0, 0]
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str.trim() === '') continue
    const m = multiply(viewport, raw.transform as Matrix)
    // The direction the baseline runs on screen: (1, 0) upright, (0, 1) downwards, and so on.
    const [dx, dy] = [m[0], m[1]]
    const turn = Math.abs(dx) >= Math.abs(dy) ? (dx > 0 ? 0 : 2) : dy > 0 ? 3 : 1
    votes[turn]! += raw.str.length
  }
  const best = votes.indexOf(Math.max(...votes))
  return best === 0 || votes[best]! <= 2 * votes[0]! ? 0 : (([0, 90, 180, 270] as const)[best] ?? 0)
}

/** Relative advance of a character: ideographs and full-width forms are one em, the rest about half. */
function advance(ch: string): number {
  const c = ch.codePointAt(0)!
  if (c >= 0x2e80 || (c >= 0x1100 && c <= 0x11ff)) return 1
  return 0.5
}

/**
 * Turn pdf.js text items into words. `viewport` is the page's viewport transform (scale 1), which
 * flips y to a top-left origin and applies the page rotation; this is the one place that flip
 * happens. pdf.js gives one item per text run, with no per-glyph positions, so an item holding
 * several space-separated runs (`201 06 01`) is split at its blanks, placing each piece by
 * relative character widths.
 */
export function pageWords(content: TextContent, viewport: Matrix): PageGlyphs {
  const words: Word[] = []
  let glyphs = 0
  let unmapped = 0
  for (const raw of content.items) {
    if (!('str' in raw)) continue
    const item = raw as TextItem
    const str = item.str
    if (str.trim() === '') continue
    for (const ch of str) {
      if (isBlank(ch)) continue
      glyphs++
      if (isUnmapped(ch)) unmapped++
    }
    const m = multiply(viewport, item.transform as Matrix)
    const size = Math.hypot(m[2], m[3]) || item.height || 1
    const [x, base] = [m[4], m[5]]
    // Text drawn upright only; rotated runs are kept whole at their origin.
    const upright = Math.abs(m[1]) < 1e-3 * size && m[3] < 0
    const width = upright ? item.width : size * [...str].reduce((s, ch) => s + advance(ch), 0)
    const chars = [...str]
    const total = chars.reduce((s, ch) => s + advance(ch), 0) || 1
    let pos = 0
    let start = -1
    let startPos = 0
    let text = ''
    const flush = (endPos: number) => {
      if (start < 0) return
      const x0 = x + (startPos / total) * width
      const x1 = x + (endPos / total) * width
      words.push({ text, x0, x1, y0: base - size * 0.88, y1: base + size * 0.12, base, size })
      start = -1
      text = ''
    }
    chars.forEach((ch, i) => {
      if (isBlank(ch)) flush(pos)
      else {
        if (start < 0) {
          start = i
          startPos = pos
        }
        text += ch
      }
      pos += advance(ch)
    })
    flush(pos)
  }
  return { words: withoutOverprint(words), glyphs, unmapped }
}

/**
 * Drop words printed again over themselves: producers fake bold type by drawing the same text
 * twice, a fraction of a point apart, which text extraction would read as `合计合计`.
 */
function withoutOverprint(words: Word[]): Word[] {
  const seen = new Map<string, Word[]>()
  return words.filter((w) => {
    const same = seen.get(w.text)
    if (same?.some((v) => Math.abs(v.x0 - w.x0) < 0.2 * w.size && Math.abs(v.base - w.base) < 0.2 * w.size)) return false
    if (same) same.push(w)
    else seen.set(w.text, [w])
    return true
  })
}

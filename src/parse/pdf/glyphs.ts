import { CHAR, GENERATED, UNMAPPED } from './thread.ts'
import { apply, type Matrix } from './viewport.ts'

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
  /** A blank precedes it in the text (a space narrower than a gap that reads as one). */
  spaced?: true
}

/** The words of one page and how many of its glyphs could not be mapped to Unicode. */
export interface PageGlyphs {
  words: Word[]
  /** Non-blank characters seen. */
  glyphs: number
  /** Characters without a Unicode mapping: U+FFFD, and the private-use and control codes that broken ToUnicode maps produce. */
  unmapped: number
}

const isBlank = (ch: string) => /\s/.test(ch)

/** True for a character with no usable Unicode value. */
function isUnmapped(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || c < 0x20
}

/**
 * The quarter turns (clockwise) of the view that make character `k` upright: 0 for a baseline
 * running right on screen, 3 for one running down, 2 left, 1 up.
 */
function direction(chars: Float32Array, k: number, viewport: Matrix): 0 | 1 | 2 | 3 {
  const [dx, dy] = [chars[k + 8]!, chars[k + 9]!]
  const x = viewport[0] * dx + viewport[2] * dy
  const y = viewport[1] * dx + viewport[3] * dy
  return Math.abs(x) >= Math.abs(y) ? (x > 0 ? 0 : 2) : y > 0 ? 3 : 1
}

/**
 * How far to turn the page view (0, 90, 180 or 270 degrees, clockwise) so that most of its text
 * reads upright. Content drawn turned on a page without /Rotate (a landscape table printed onto
 * a portrait page) shows sideways; read that way, every glyph would be a line of its own.
 */
export function uprightTurn(chars: Float32Array, viewport: Matrix): 0 | 90 | 180 | 270 {
  const votes = [0, 0, 0, 0]
  for (let k = 0; k < chars.length; k += CHAR) {
    if (chars[k + 1]! & GENERATED || isBlank(String.fromCodePoint(chars[k]!))) continue
    votes[direction(chars, k, viewport)]!++
  }
  const best = votes.indexOf(Math.max(...votes))
  return best === 0 || votes[best]! <= 2 * votes[0]! ? 0 : (([0, 90, 180, 270] as const)[best] ?? 0)
}

/** Within a word, the gap to the next character is at most this many font sizes (pdf.js splits its text runs at about 0.1). */
const WORD_GAP = 0.1
/** A character this many font sizes left of the word's end starts a new word (text drawn again, or a new column). */
const BACK = 0.3
/** A baseline this many font sizes off the word's is another line (or a superscript). */
const OFF_LINE = 0.3
/** Consecutive characters of turned text are at most this many font sizes apart. */
const TURNED_STEP = 1.5

/**
 * Turn PDFium's characters into words: runs of non-blank characters next to each other on one
 * baseline, split at blanks (in the file or inserted by PDFium) and at gaps. `viewport` maps user
 * space to the page view (viewport.ts). Upright words span their characters' advance widths; a
 * run of turned text (a vertical label) is kept whole, spanning its characters' boxes.
 */
export function pageWords(chars: Float32Array, viewport: Matrix): PageGlyphs {
  /** Words with their direction and the origin of their last character, while being built. */
  const words: (Word & { dir: number; last: [number, number] })[] = []
  let glyphs = 0
  let unmapped = 0
  let word: (typeof words)[number] | undefined
  /** A blank came after the last word. */
  let blank = false
  for (let k = 0; k < chars.length; k += CHAR) {
    const ch = String.fromCodePoint(chars[k]!)
    if (chars[k + 1]! & GENERATED || isBlank(ch)) {
      if (word) words.push(word)
      word = undefined
      // Only the file's own blanks: PDFium also marks gaps it sees with spaces, wider or narrower
      // than a reader's, and line ends with \r\n.
      if (!(chars[k + 1]! & GENERATED)) blank = true
      continue
    }
    glyphs++
    if (chars[k + 1]! & UNMAPPED || isUnmapped(ch)) unmapped++
    const [x, base] = apply(viewport, chars[k + 2]!, chars[k + 3]!)
    const [ax] = apply(viewport, chars[k + 4]!, chars[k + 5]!)
    const [bx] = apply(viewport, chars[k + 6]!, chars[k + 7]!)
    const size = chars[k + 10]! || 1
    const dir = direction(chars, k, viewport)
    const [x0, x1] = [Math.min(ax, bx), Math.max(ax, bx)]
    if (word && word.dir === dir && Math.abs(word.size - size) < 0.2 * size) {
      const joins =
        dir === 0
          ? Math.abs(base - word.base) <= OFF_LINE * size && x0 - word.x1 <= WORD_GAP * size && x0 >= word.x1 - BACK * size
          : Math.hypot(x - word.last[0], base - word.last[1]) <= TURNED_STEP * size
      if (joins) {
        word.text += ch
        word.x0 = Math.min(word.x0, x0)
        word.x1 = Math.max(word.x1, x1)
        word.last = [x, base]
        continue
      }
    }
    if (word) words.push(word)
    const left = dir === 0 ? x : x0
    word = { text: ch, x0: left, x1: Math.max(x1, left), y0: base - size * 0.88, y1: base + size * 0.12, base, size, dir, last: [x, base] }
    if (blank) word.spaced = true
    blank = false
  }
  if (word) words.push(word)
  return { words: withoutOverprint(words.map(({ dir: _, last: __, ...w }) => w)), glyphs, unmapped }
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

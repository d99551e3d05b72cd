import type { Money, Percent, Place } from '../../model/index.ts'
import { toFen, wan, type MoneyUnit } from '../../model/index.ts'
import type { Layout, LayoutLine } from '../layout.ts'
import { CharSet, firstCode } from './chars.ts'

/**
 * A paragraph of running text with its whitespace removed and every character mapped back to its
 * source line and column. PDF-extracted text breaks a sentence over lines with blank lines between
 * them (seed 001 l.685–688: `…增加 1.31` / ` 万元，增长 17.82%`), so sentences are matched on the
 * joined text and positions are read back through the map.
 */
export interface Para {
  /** Joined text, whitespace removed (layout-normalised: `，` is `,`, `（` is `(`). */
  text: string
  /** Where the paragraph's characters start in the character map of its `Paragraphs`. */
  at: number
  /** Index into `layout.lines` of the first and last line. */
  first: number
  last: number
  /** The paragraph is a heading line (numbered 一、/（一）/第N部分, short, no full stop). */
  heading: boolean
}

/**
 * The paragraphs of a layout and one map of all their characters back to the lines. The map is a
 * view of scratch arrays the next call of `paragraphs` overwrites: it is read while the layout is.
 */
export interface Paragraphs {
  list: Para[]
  /** Index into `layout.lines` of each character of the paragraphs, paragraph after paragraph. */
  line: Int32Array
  /** 0-based column in its line of each character. */
  column: Int32Array
}

/** Reads places, money and percentages off paragraphs of one layout. */
export interface Source {
  layout: Layout
  /** Place of characters [a, b) of a paragraph. */
  place(p: Para, a: number, b: number): Place
  /** The text as printed of characters [a, b) (with the spaces the joined text dropped, when on one line). */
  raw(p: Para, a: number, b: number): string
  /** Money from a printed number at [a, b) in `unit`, signed by `sign`. */
  money(p: Para, a: number, b: number, unit: MoneyUnit, sign?: 1 | -1): Money | undefined
  /** Percent from a printed number at [a, b), signed by `sign`. */
  percent(p: Para, a: number, b: number, sign?: 1 | -1): Percent | undefined
}

const PERCENT_DIGITS = /^(\d+)(?:\.(\d+))?$/
const ZERO = /^0*\.?0*$/
/** A printed number without its thousands separators. */
const digitsOf = (printed: string) => (printed.includes(',') ? printed.replace(/,/g, '') : printed)

/** The place, raw-text, money and percent readers of the paragraphs of one layout (laid-out sources give the line's own place). */
export function source(layout: Layout, paras: Paragraphs): Source {
  const { file, lines } = layout
  const { line: li, column: col } = paras
  const pointPlace = (p: Para, a: number, b: number): Place => {
    const l0 = lines[li[p.at + a]!]!
    if (l0.place) return l0.place
    const l1 = lines[li[p.at + b - 1]!]!
    return {
      file,
      start: { line: l0.line, column: col[p.at + a]! + 1 },
      end: { line: l1.line, column: col[p.at + b - 1]! + 2 },
    }
  }
  const raw = (p: Para, a: number, b: number): string => {
    const i = li[p.at + a]!
    if (i === li[p.at + b - 1]) return lines[i]!.text.slice(col[p.at + a]!, col[p.at + b - 1]! + 1)
    return p.text.slice(a, b)
  }
  return {
    layout,
    place: pointPlace,
    raw,
    money(p, a, b, unit, sign = 1) {
      const digits = digitsOf(p.text.slice(a, b))
      const fen = toFen(digits, unit)
      if (fen === undefined) return undefined
      const signed = fen === 0 ? 0 : sign * fen
      return { value: wan(signed), fen: signed, raw: raw(p, a, b), place: pointPlace(p, a, b) }
    },
    percent(p, a, b, sign = 1) {
      const digits = digitsOf(p.text.slice(a, b))
      const m = PERCENT_DIGITS.exec(digits)
      if (!m) return undefined
      const frac = m[2] ?? ''
      // Hundredths are exact only up to two decimals; a third decimal is rounded half up.
      const h = Number(m[1]) * 100 + Number((frac + '00').slice(0, 2)) + (Number(frac[2] ?? '0') >= 5 ? 1 : 0)
      const zero = h === 0 && ZERO.test(digits)
      const value = zero || sign === 1 ? digits : `-${digits}`
      return { value, hundredths: zero ? 0 : sign * h, raw: raw(p, a, b), place: pointPlace(p, a, b) }
    },
  }
}

const SPACE = /[ \t\u3000\u00a0\r\n]+/g
/** The white space the joined text drops (SPACE); tested on every character, so the Chinese ones pass two comparisons, not six (2%). */
function dropped(c: number): boolean {
  return c <= 32 ? c === 32 || c === 9 || c === 10 || c === 13 : c === 0x3000 || c === 0xa0
}
// A sentence ends at a full stop; a paragraph does not run on past one.
const ENDS_SENTENCE = new CharSet('。!?！？')
// Table furniture printed between the narrative lines of PDF text: units, 编制部门, 表 N, column numbers.
// A page number (`- 31 -`, `第 3 页`, `16`) is skipped without ending the paragraph: sentences run on across pages (003.pdf).
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d{1,3})\s*$/
const FURNITURE = /^\s*(?:单位[:：]\s*(?:万?元)?\s*$|编制(?:部门|单位)[:：]|表\s*\d+\s*$|※|[(（]\s*\d{4}\s*年\s*[)）]\s*$|-{2,}|[(（]\s*[)）]\s*$)/
// A new list item or numbered heading starts a new paragraph.
const LIST_START = /^\s*(?:[-•·]\s|\d+\s*[.、](?!\d)|[(（]\s*(?:\d+|[一二三四五六七八九十]+)\s*[)）]|[一二三四五六七八九十]+\s*、|第[一二三四五六七八九十]+部分)/
// Page numbers, furniture and list items open with one of these characters; other lines need not be matched against them.
const OPENS_MARKED = new CharSet('-—–•·※(（第单编表0123456789一二三四五六七八九十')
// A labelled line (`预算安排规模：…`, `资金分配情况：…`) starts a paragraph; a reason or a 其中 list continues one.
const LABEL_START = /^\s*(?!主要原因|原因|其中|主要用于|主要包括)[\u4e00-\u9fa5]{2,8}[:：]/
const HEAD_FIRST = new CharSet('一二三四五六七八九十(（第')
const HEADING_NUMBER = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/
const AMOUNT = /\d万?元/
const LABELLED = /[:：].+/
const ENDS_WITH_QIZHONG = /,?其中[:：]$/
// A heading `一、关于…部门` whose second half (`2024 年收支预算情况的总体说明`) is on the next line.
const HEADING_DONE = /(?:说明|情况|概况|事项|名词解释|公开表|职能|设置|人员情况|其中:?)$/

/** A tab-separated line is a table row, unless it is one long sentence with a stray tab. */
function isTableLine(line: LayoutLine): boolean {
  const full = line.cells!.filter((c) => c.text.trim())
  return full.length > 1 || (full[0]?.text.trim().length ?? 0) <= 30
}

/** True for a line that is a heading: numbered, short, without a full stop or an amount. */
export function isHeadingText(squeezed: string): boolean {
  if (!HEAD_FIRST.has(squeezed.charCodeAt(0)) || !HEADING_NUMBER.test(squeezed)) return false
  if (squeezed.length > 60 || squeezed.includes('。') || AMOUNT.test(squeezed)) return false
  // A numbered sentence of 主要职能 (`（九）贯彻执行…法律、法规…`) lists with 、 and runs on with commas.
  if (squeezed.slice(3).includes('、') || (squeezed.match(/,/g)?.length ?? 0) > 1) return false
  // `(1) 项目名称：…` and `一、财政拨款：指…` are labelled text, not headings.
  return !LABELLED.test(squeezed.replace(ENDS_WITH_QIZHONG, ''))
}

// The characters of one document's paragraphs with their lines and columns, grown as needed. The
// paragraphs' text is made from the codes in one piece and each paragraph is a slice of it: one
// string per document instead of a squeezed copy of every line.
let codes = new Uint16Array(1 << 15)
let lineOf = new Int32Array(1 << 15)
let columnOf = new Int32Array(1 << 15)

/** Make room for `n` characters in the scratch arrays, keeping the first `kept`. */
function room(n: number, kept: number): void {
  if (n <= codes.length) return
  const size = Math.max(n, codes.length * 2)
  codes = grown(codes, new Uint16Array(size), kept)
  lineOf = grown(lineOf, new Int32Array(size), kept)
  columnOf = grown(columnOf, new Int32Array(size), kept)
}

/** `to` with the first `kept` elements of `from`. */
function grown<T extends Uint16Array | Int32Array>(from: T, to: T, kept: number): T {
  to.set(from.subarray(0, kept))
  return to
}

/** The string of codes [a, b) (UTF-16LE, the byte order of the typed array on every platform Node runs on). */
function textOf(a: number, b: number): string {
  return Buffer.from(codes.buffer, a * 2, (b - a) * 2).toString('utf16le')
}

/**
 * Split the lines of a layout into paragraphs. Only lines whose `want` flag is set are read; lines
 * in `skip` (table rows, target tables) and table furniture end a paragraph and are left out. A line
 * joins the paragraph before it unless that one ended a sentence, or the line starts a list item or
 * is a heading.
 */
export function paragraphs(layout: Layout, want: Uint8Array, skip: Uint8Array): Paragraphs {
  const list: Para[] = []
  // Paragraph boundaries, in `codes`: the paragraph being built is [start, at).
  const bounds: number[] = []
  const lines = layout.lines
  let at = 0
  let start = 0
  let first = -1
  let last = -1
  let heading = false
  const flush = () => {
    if (at > start) {
      list.push({ text: '', at: start, first, last, heading })
      bounds.push(at)
    }
    start = at
    first = -1
    heading = false
  }
  for (let i = 0; i < lines.length; i++) {
    if (!want[i]) {
      if (at > start) flush()
      continue
    }
    const line = lines[i]!
    const t = line.text
    if (skip[i]) {
      flush()
      continue
    }
    // The line's characters other than white space go into the scratch arrays after `at`, whether
    // or not the line is then added (adding it takes them in).
    room(at + t.length, at)
    let kept = 0
    let colon = false
    for (let c = 0; c < t.length; c++) {
      const code = t.charCodeAt(c)
      if (dropped(code)) continue
      if (code === 58 || code === 0xff1a) colon = true
      codes[at + kept] = code
      lineOf[at + kept] = i
      columnOf[at + kept++] = c
    }
    if (kept === 0) continue
    const marked = OPENS_MARKED.has(firstCode(t))
    if (marked && PAGE_NUMBER.test(t)) continue
    if ((line.cells && isTableLine(line)) || (marked && FURNITURE.test(t))) {
      flush()
      continue
    }
    // The squeezed line is made only for a line that may be a heading.
    const sq = HEAD_FIRST.has(codes[at]!) ? (kept === t.length ? t : t.replace(SPACE, '')) : undefined
    const isHead = sq !== undefined && isHeadingText(sq)
    if (heading && at > start) {
      // A heading continues on the next short line until it reads as complete.
      const sofar = textOf(start, at)
      if (!HEADING_DONE.test(sofar) && !isHead && kept < 40 && !t.includes('。') && sofar.includes('关于')) {
        at += kept
        last = i
        continue
      }
      flush()
    }
    const opens = isHead || (marked && LIST_START.test(t)) || (colon && LABEL_START.test(t))
    if (opens || (at > start && ENDS_SENTENCE.has(codes[at - 1]!))) flush()
    if (at === start) {
      first = i
      heading = isHead
    }
    at += kept
    last = i
    if (isHead && HEADING_DONE.test(sq!)) flush()
  }
  flush()
  const all = textOf(0, at)
  for (let k = 0; k < list.length; k++) list[k]!.text = all.slice(list[k]!.at, bounds[k])
  return { list, line: lineOf.subarray(0, at), column: columnOf.subarray(0, at) }
}

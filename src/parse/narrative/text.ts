import type { Money, Percent, Place } from '../../model/index.ts'
import { toFen, wan, type MoneyUnit } from '../../model/index.ts'
import type { Layout, LayoutLine } from '../layout.ts'
import { CharSet, codeAt, firstCode } from '../chars.ts'

/**
 * A paragraph of running text with its whitespace removed and every character mapped back to its
 * source line and column. PDF-extracted text breaks a sentence over lines with blank lines between
 * them (seed 001 l.685–688: `…增加 1.31` / ` 万元，增长 17.82%`), so sentences are matched on the
 * joined text and positions are read back through the map.
 */
export interface Para {
  /** Joined text, whitespace removed (layout-normalised: `，` is `,`, `（` is `(`). */
  text: string
  /** Where the paragraph's text starts in the text of all paragraphs of its `Paragraphs`. */
  at: number
  /** Its runs of characters: [run, runEnd) of its `Paragraphs`. */
  run: number
  runEnd: number
  /** Index into `layout.lines` of the first and last line. */
  first: number
  last: number
  /** The paragraph is a heading line (numbered 一、/（一）/第N部分, short, no full stop). */
  heading: boolean
}

/**
 * The paragraphs of a layout and the map of their characters back to the lines, one entry per run
 * of characters a line keeps (the text between its spaces): a character's line and column are
 * those of its run. The map is a view of scratch arrays the next call of `paragraphs` overwrites:
 * it is read while the layout is.
 */
export interface Paragraphs {
  list: Para[]
  /** Where each run starts in the text of all paragraphs, paragraph after paragraph, and after them where the last ends. */
  runAt: Int32Array
  /** Index into `layout.lines` of each run. */
  runLine: Int32Array
  /** 0-based column in its line of each run's first character. */
  runColumn: Int32Array
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

const ZERO = /^0*\.?0*$/

/**
 * Hundredths of a printed percentage (`82.69` → 8269), undefined unless it is digits with an
 * optional fraction. Hundredths are exact only up to two decimals; a third is rounded half up.
 * A scan rather than a pattern and a Number per part: 42 k fewer instructions a document.
 */
function hundredthsOf(digits: string): number | undefined {
  let i = 0
  let whole = 0
  for (let d = codeAt(digits, 0) - 48; d >= 0 && d <= 9; d = codeAt(digits, ++i) - 48) whole = whole * 10 + d
  if (i === 0) return undefined
  let h = whole * 100
  if (i === digits.length) return h
  if (digits.charCodeAt(i) !== 46 || i === digits.length - 1) return undefined // '.' and at least one digit
  for (let k = i + 1; k < digits.length; k++) {
    const d = digits.charCodeAt(k) - 48
    if (d < 0 || d > 9) return undefined
    if (k === i + 1) h += 10 * d
    else if (k === i + 2) h += d
    else if (k === i + 3 && d >= 5) h += 1
  }
  return h
}
/** A printed number without its thousands separators. */
const digitsOf = (printed: string) => (printed.includes(',') ? printed.replace(/,/g, '') : printed)

/** The place, raw-text, money and percent readers of the paragraphs of one layout (laid-out sources give the line's own place). */
export function source(layout: Layout, paras: Paragraphs): Source {
  const { file, lines } = layout
  const { runAt, runLine, runColumn } = paras
  /** The run of character `x` of paragraph `p`: the last of its runs from `lo` on that starts at or before it. */
  const runOf = (p: Para, x: number, lo = p.run): number => {
    let hi = p.runEnd - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (runAt[mid]! <= p.at + x) lo = mid
      else hi = mid - 1
    }
    return lo
  }
  const columnOf = (p: Para, x: number, r: number) => runColumn[r]! + p.at + x - runAt[r]!
  // Characters [a, b) of a paragraph whose first and last are in runs r0 and r1: a money or percent
  // figure finds its runs once for both its text as printed and its place.
  const placeIn = (p: Para, a: number, b: number, r0: number, r1: number): Place => {
    const l0 = lines[runLine[r0]!]!
    if (l0.place) return l0.place
    return {
      file,
      start: { line: l0.line, column: columnOf(p, a, r0) + 1 },
      end: { line: lines[runLine[r1]!]!.line, column: columnOf(p, b - 1, r1) + 2 },
    }
  }
  const rawIn = (p: Para, a: number, b: number, r0: number, r1: number): string => {
    const i = runLine[r0]!
    if (i === runLine[r1]) return lines[i]!.text.slice(columnOf(p, a, r0), columnOf(p, b - 1, r1) + 1)
    return p.text.slice(a, b)
  }
  return {
    layout,
    place(p, a, b) {
      const r0 = runOf(p, a)
      return placeIn(p, a, b, r0, runOf(p, b - 1, r0))
    },
    raw(p, a, b) {
      const r0 = runOf(p, a)
      return rawIn(p, a, b, r0, runOf(p, b - 1, r0))
    },
    money(p, a, b, unit, sign = 1) {
      const digits = digitsOf(p.text.slice(a, b))
      const fen = toFen(digits, unit)
      if (fen === undefined) return undefined
      const signed = fen === 0 ? 0 : sign * fen
      const r0 = runOf(p, a)
      const r1 = runOf(p, b - 1, r0)
      return { value: wan(signed), fen: signed, raw: rawIn(p, a, b, r0, r1), place: placeIn(p, a, b, r0, r1) }
    },
    percent(p, a, b, sign = 1) {
      const digits = digitsOf(p.text.slice(a, b))
      const h = hundredthsOf(digits)
      if (h === undefined) return undefined
      const zero = h === 0 && ZERO.test(digits)
      const value = zero || sign === 1 ? digits : `-${digits}`
      const r0 = runOf(p, a)
      const r1 = runOf(p, b - 1, r0)
      return { value, hundredths: zero ? 0 : sign * h, raw: rawIn(p, a, b, r0, r1), place: placeIn(p, a, b, r0, r1) }
    },
  }
}

/** The white space the joined text drops. */
const isSpaceOrTab = (c: number) => c === 32 || c === 9
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

// The runs of characters of one document's paragraphs, grown as needed. One entry per run, its
// white space found by string search, instead of a copy of every character with its line and
// column: 3.77 M -> 3.69 M instructions a document for the narrative.
let runAt = new Int32Array(1 << 12)
let runLine = new Int32Array(1 << 12)
let runColumn = new Int32Array(1 << 12)

/** Make room for `n` runs in the scratch arrays, keeping the first `kept`. */
function room(n: number, kept: number): void {
  if (n <= runAt.length) return
  const size = Math.max(n, runAt.length * 2)
  runAt = grown(runAt, new Int32Array(size), kept)
  runLine = grown(runLine, new Int32Array(size), kept)
  runColumn = grown(runColumn, new Int32Array(size), kept)
}

/** `to` with the first `kept` elements of `from`. */
function grown<T extends Int32Array>(from: T, to: T, kept: number): T {
  to.set(from.subarray(0, kept))
  return to
}

/**
 * Append the runs of characters of line `i` (its text without spaces and tabs) to the scratch
 * arrays from run `r`, the first starting at `at` in the joined text, and the end of the last
 * after them (`runAt[r + n]`, where the next run starts). Returns the number of runs, `n`.
 */
function addRuns(t: string, i: number, r: number, at: number): number {
  room(r + ((t.length + 1) >> 1) + 1, r)
  const r0 = r
  // A layout line is normalised (wide spaces are spaces) and holds no line break: the white space
  // it drops is spaces and the tabs of tab-separated text. Found by string search, at about a
  // third of the cost of testing each character in a loop of our own.
  let space = t.indexOf(' ')
  let tab = t.indexOf('\t')
  let from = 0
  for (;;) {
    const gap = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab)
    const end = gap < 0 ? t.length : gap
    if (end > from) {
      runAt[r] = at
      runLine[r] = i
      runColumn[r++] = from
      at += end - from
    }
    if (gap < 0) break
    from = gap + 1
    while (isSpaceOrTab(codeAt(t, from))) from++
    if (space >= 0 && space < from) space = t.indexOf(' ', from)
    if (tab >= 0 && tab < from) tab = t.indexOf('\t', from)
  }
  runAt[r] = at
  return r - r0
}

/** The code of the last character of run `r`. */
function lastCodeOf(lines: LayoutLine[], r: number): number {
  return lines[runLine[r]!]!.text.charCodeAt(runColumn[r]! + runAt[r + 1]! - runAt[r]! - 1)
}

/** The joined text of runs [r0, r1). */
function runsText(lines: LayoutLine[], r0: number, r1: number): string {
  let text = ''
  for (let r = r0; r < r1; r++) {
    const c = runColumn[r]!
    text += lines[runLine[r]!]!.text.slice(c, c + runAt[r + 1]! - runAt[r]!)
  }
  return text
}

/**
 * Split the lines of a layout into paragraphs. Only lines whose `want` flag is set are read; lines
 * in `skip` (table rows, target tables) and table furniture end a paragraph and are left out. A line
 * joins the paragraph before it unless that one ended a sentence, or the line starts a list item or
 * is a heading.
 */
export function paragraphs(layout: Layout, want: Uint8Array, skip: Uint8Array): Paragraphs {
  const list: Para[] = []
  // Paragraph ends in the joined text: the paragraph being built is [start, at), its runs [run, runs).
  const bounds: number[] = []
  const lines = layout.lines
  let at = 0
  let runs = 0
  let start = 0
  let run = 0
  let first = -1
  let last = -1
  let heading = false
  // The last character taken in: does the paragraph end a sentence?
  let lastCode = 0
  const flush = () => {
    if (at > start) {
      list.push({ text: '', at: start, run, runEnd: runs, first, last, heading })
      bounds.push(at)
    }
    start = at
    run = runs
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
    // Half the lines read are empty (PDF text).
    if (t.length === 0) continue
    // The line's runs go into the scratch arrays after `runs`, whether or not the line is then
    // added (adding it takes them in).
    const n = addRuns(t, i, runs, at)
    if (n === 0) continue
    const marked = OPENS_MARKED.has(firstCode(t))
    if (marked && PAGE_NUMBER.test(t)) continue
    if ((line.cells && isTableLine(line)) || (marked && FURNITURE.test(t))) {
      flush()
      continue
    }
    const kept = runAt[runs + n]! - at
    // The squeezed line is made only for a line that may be a heading, from its runs (a replace of its
    // white space cost 27 k instructions a document more).
    const sq = HEAD_FIRST.has(t.charCodeAt(runColumn[runs]!)) ? (kept === t.length ? t : runsText(lines, runs, runs + n)) : undefined
    const isHead = sq !== undefined && isHeadingText(sq)
    if (heading && at > start) {
      // A heading continues on the next short line until it reads as complete.
      const sofar = runsText(lines, run, runs)
      if (!HEADING_DONE.test(sofar) && !isHead && kept < 40 && !t.includes('。') && sofar.includes('关于')) {
        at += kept
        runs += n
        last = i
        lastCode = lastCodeOf(lines, runs - 1)
        continue
      }
      flush()
    }
    const opens = isHead || (marked && LIST_START.test(t)) || LABEL_START.test(t)
    if (opens || (at > start && ENDS_SENTENCE.has(lastCode))) flush()
    if (at === start) {
      first = i
      heading = isHead
    }
    at += kept
    runs += n
    last = i
    lastCode = lastCodeOf(lines, runs - 1)
    if (isHead && HEADING_DONE.test(sq!)) flush()
  }
  flush()
  const all = runsText(lines, 0, runs)
  for (let k = 0; k < list.length; k++) list[k]!.text = all.slice(list[k]!.at, bounds[k])
  return { list, runAt: runAt.subarray(0, runs + 1), runLine: runLine.subarray(0, runs), runColumn: runColumn.subarray(0, runs) }
}

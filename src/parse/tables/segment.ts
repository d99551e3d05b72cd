import type { LayoutLine } from '../layout.ts'
import { isBlank, skipWhite, squeeze } from '../chars.ts'
import { SENTENCE_PUNCTUATION } from '../normalize.ts'
import { matchTableNumber, matchTitle, titleText, type TitleMatch } from './titles.ts'

/** The lines of one table of 第二部分, before its rows are read. */
export interface TableRegion {
  /** 表 N, when printed. */
  number?: number
  title?: TitleMatch & { line: LayoutLine }
  /** The anchor line (表 N or title). */
  anchor: LayoutLine
  /** Every line of the table after the anchor, page-break repeats included. */
  lines: LayoutLine[]
  /** A title line that names no standard table (kept for a table we do not know). */
  caption?: string
  /** A `…为空表` note printed under the table. */
  note?: LayoutLine
}

/** Prose: a sentence of the narrative, which ends a table. */
function isProse(text: string): boolean {
  if (text.length < 24) return false
  const t = text.trim()
  if (t.length < 24 || !SENTENCE_PUNCTUATION.test(t)) return false
  return !/^(编制部门|单位|备注|注)\s*[:：]/.test(t)
}

function isEmptyNote(text: string): boolean {
  return /为空表|无数据|本表无|空表表示/.test(text)
}

/** Punctuation only a sentence has (kept by normalisation and squeezing, unlike commas before digits). */
const SENTENCE_END = /[。；;]/

const CONTINUED = /^\s*(?:续表\s*\d*|表\s*\d+\s*[(（]续[)）])\s*$/
/** A part heading (第一部分 … 第五部分); the table of contents lists them too, so the last one seen is the current part. */
const PART = /^\s*[#*\s]*第([一二三四五])部分/
const PART_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 }

/**
 * The part a heading opens (1–5), or 0; `first` is the line's first non-blank position. A
 * heading's first character after blanks and Markdown marks is 第, so most lines are rejected by
 * one comparison: searching every line for 部分 cost 2% of the table reader (seeds, instruction counts).
 */
const DI = '第'.charCodeAt(0)

function partOf(text: string, first: number): number {
  let i = first
  while (isHeadingMark(text.charCodeAt(i))) i = skipWhite(text, i + 1)
  if (text.charCodeAt(i) !== DI) return 0
  const m = PART.exec(text)
  return m ? PART_NUMBER[m[1]!]! : 0
}

/** `#` or `*`. */
function isHeadingMark(c: number): boolean {
  return c === 35 || c === 42
}

/**
 * The title of a table that is not one of the standard ones (a 决算 table, another province's
 * extra table): a short line ending in 表 that is neither a list item of the contents nor a
 * sentence, and is followed closely by drawn cells or a 单位 line. 绩效目标表 belong to the
 * narrative (第三部分), not to the tables.
 */
function genericTitle(lines: LayoutLine[], i: number): string | undefined {
  const text = lines[i]!.text
  if (text.length > 80 || !text.includes('表')) return undefined
  if (/^\s*(?:[-*+]\s|[一二三四五六七八九十]+、|\d+[.、])/.test(text) || lines[i]!.cells || PART.test(text)) return undefined
  const t = titleText(text)
  if (!t.endsWith('表') || t.length > 40 || /[，。；:：,;]/.test(t) || /为空表$|绩效目标表$|自评表$|目录/.test(t)) return undefined
  let seen = 0
  for (let j = i + 1; j < lines.length && seen < 4; j++) {
    const next = lines[j]!
    if (isBlank(next.text)) continue
    seen++
    if (next.cells || /单位[:：]/.test(next.text)) return t
  }
  return undefined
}

function allBlank(lines: LayoutLine[]): boolean {
  for (const l of lines) if (!isBlank(l.text)) return false
  return true
}

function nonBlankAtMost(lines: LayoutLine[], n: number): boolean {
  let seen = 0
  for (const l of lines) if (!isBlank(l.text) && ++seen > n) return false
  return true
}

/**
 * Find the tables: each starts at a `表 N` line or a title line (a title right after `表 N`
 * belongs to the same table) and runs until the next one, the narrative (a prose sentence or
 * the 第三部分 heading) or an empty-table note. Page-break repeats of header lines stay inside
 * the table they continue.
 */
export function findTables(lines: LayoutLine[]): TableRegion[] {
  const regions: TableRegion[] = []
  let current: TableRegion | undefined
  const close = () => {
    // A generic title with nothing tabular under it is a heading (a cover page of 第二部分), not a table.
    if (current && !(current.caption && !current.lines.some((l) => l.cells))) regions.push(current)
    current = undefined
  }
  let part = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const text = line.text
    const first = skipWhite(text, 0)
    if (first === text.length) continue
    // Anchors all name a 表 and none is a sentence (a line of markup may hide one in a tag): most
    // lines are rejected by these two searches before any title is compared.
    const namesTable = text.includes('表')
    const mayAnchor = namesTable && (text.includes('<') || !SENTENCE_END.test(text))
    // `续表` (or `表 3（续）`) continues the table above after a page break.
    if (current && namesTable && CONTINUED.test(text)) continue
    const partHere = partOf(text, first)
    if (partHere) part = partHere
    const number = mayAnchor ? matchTableNumber(text) : undefined
    const title = mayAnchor && number === undefined ? matchTitle(text) : undefined
    const caption = mayAnchor && number === undefined && !title && part <= 2 ? genericTitle(lines, i) : undefined
    if (caption && !(current && allBlank(current.lines) && !current.title && !current.caption)) {
      close()
      current = { anchor: line, lines: [], caption }
      continue
    }
    if (number !== undefined || title) {
      // `表 N` then its title, or a title then `表 N` and the title again (a sheet name printed above
      // the table): one table, as long as nothing tabular came between them.
      const bare = current !== undefined && nonBlankAtMost(current.lines, 2) && !current.lines.some((l) => l.cells)
      if (bare && title && !current!.title && current!.number !== undefined) {
        current!.title = { ...title, line }
        continue
      }
      if (bare && number !== undefined && current!.number === undefined && current!.title) {
        current!.number = number
        continue
      }
      if (bare && title && current!.title?.key === title.key) continue
      close()
      current = { anchor: line, lines: [] }
      if (number !== undefined) current.number = number
      if (title) current.title = { ...title, line }
      continue
    }
    if (!current) continue
    // 第三部分 or a later part: the narrative starts.
    if (partHere >= 3) {
      close()
      continue
    }
    if (!line.cells && isEmptyNote(text)) {
      current.note = line
      close()
      continue
    }
    if (!current.title && !current.caption && namesTable && allBlank(current.lines) && /表$/.test(squeeze(text)) && squeeze(text).length <= 60) {
      current.caption = squeeze(text)
      continue
    }
    if (!line.cells && isProse(text)) {
      close()
      continue
    }
    current.lines.push(line)
  }
  close()
  return regions
}

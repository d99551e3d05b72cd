import type { Word } from './glyphs.ts'
import { columnOf, gapGroups, isBodyRow, unruledTables, type UnruledTable } from './columns.ts'
import type { Box, Grid } from './grid.ts'

/** One cell of a page row, before line numbers are known. */
export interface RowCell {
  text: string
  box: Box
  /** Columns and rows a merged ruled cell covers (1 when not merged). */
  colSpan: number
  rowSpan: number
  /** True for a position covered by a merged cell that starts in an earlier row or column. */
  covered?: boolean
}

/** A row of one page: a ruled table row, or a line of free text split at wide gaps. */
export interface Row {
  /** Top edge, for reading order. */
  top: number
  left: number
  box: Box
  cells: RowCell[]
  /** Index of the ruled table on the page, for rows of a table. */
  grid?: number
}

/** A gap wider than this many font sizes is a space between words. */
const SPACE_GAP = 0.3
/** Between two ideographs of free text, a gap wider than this many font sizes is a space. */
const FREE_CJK_GAP = 0.75

const isCjk = (ch: string | undefined) => ch !== undefined && /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)
const isWordChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch)

/**
 * Rebuild the rows of a page: words inside a ruled table go to the cell that contains them
 * (a name wrapped onto two lines inside one cell stays one cell), one row per band between
 * horizontal rules, with an empty cell wherever a column has nothing, so the cells of every row
 * line up with the header's columns. Words outside tables form lines by baseline, split into
 * cells at wide gaps.
 */
export function pageRows(words: Word[], grids: Grid[], carry?: UnruledTable): PageRows {
  const rows: Row[] = []
  const inGrid: Word[][][] = grids.map((g) => g.cells.map(() => []))
  const free: Word[] = []
  for (const word of words) {
    const placed = placeInGrid(word, grids, inGrid)
    if (!placed) free.push(word)
  }
  grids.forEach((grid, g) => rows.push(...gridRows(grid, inGrid[g]!, g)))
  const text = freeRows(free, grids.length ? undefined : carry)
  rows.push(...text.rows)
  return { rows: rows.sort((a, b) => a.top - b.top || a.left - b.left), carry: grids.length ? undefined : text.carry }
}

/** The rows of a page, and the columns of a table without rules that runs on to the next page. */
export interface PageRows {
  rows: Row[]
  carry: UnruledTable | undefined
}

/** Put a word (split at column rules it crosses) into the grid cell holding its centre. */
function placeInGrid(word: Word, grids: Grid[], inGrid: Word[][][]): boolean {
  const cy = (word.y0 + word.y1) / 2
  const cx = (word.x0 + word.x1) / 2
  const g = grids.findIndex((grid) => cx >= grid.box[0] && cx <= grid.box[2] && cy >= grid.box[1] && cy <= grid.box[3])
  if (g < 0) return false
  const grid = grids[g]!
  for (const piece of splitAtColumns(word, grid.xs)) {
    const px = (piece.x0 + piece.x1) / 2
    const c = clampIndex(grid.xs, px)
    const r = clampIndex(grid.ys, cy)
    inGrid[g]![grid.owner[r]![c]!]!.push(piece)
  }
  return true
}

/** Index of the band [bounds[i], bounds[i + 1]) holding `x`, clamped to the table. */
function clampIndex(bounds: number[], x: number): number {
  let i = 0
  while (i + 2 < bounds.length && x >= bounds[i + 1]!) i++
  return i
}

/** Split a word where a column rule runs through it (one text run drawn across two cells). */
function splitAtColumns(word: Word, xs: number[]): Word[] {
  const margin = word.size * 0.3
  const cuts = xs.filter((x) => x > word.x0 + margin && x < word.x1 - margin)
  if (cuts.length === 0) return [word]
  const chars = [...word.text]
  const step = (word.x1 - word.x0) / chars.length
  const pieces: Word[] = []
  let from = 0
  for (const cut of [...cuts, Infinity]) {
    const to = cut === Infinity ? chars.length : Math.max(from, Math.min(chars.length, Math.round((cut - word.x0) / step)))
    if (to > from) pieces.push({ ...word, text: chars.slice(from, to).join(''), x0: word.x0 + from * step, x1: word.x0 + to * step })
    from = to
  }
  return pieces
}

/** The rows of one ruled table. */
function gridRows(grid: Grid, cellWords: Word[][], g: number): Row[] {
  const rows: Row[] = []
  const texts = cellWords.map((words) => cellText(words))
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const cells: RowCell[] = []
    let any = false
    for (let c = 0; c + 1 < grid.xs.length; c++) {
      const k = grid.owner[r]![c]!
      const cell = grid.cells[k]!
      if (cell.row === r && cell.col === c) {
        const text = texts[k]!
        if (text !== '') any = true
        cells.push({ text, box: cell.box, colSpan: cell.colSpan, rowSpan: cell.rowSpan })
      } else {
        cells.push({ text: '', box: [grid.xs[c]!, grid.ys[r]!, grid.xs[c + 1]!, grid.ys[r + 1]!], colSpan: 1, rowSpan: 1, covered: true })
      }
    }
    if (!any) continue
    const box: Box = [grid.xs[0]!, grid.ys[r]!, grid.xs.at(-1)!, grid.ys[r + 1]!]
    rows.push({ top: box[1], left: box[0], box, cells, grid: g })
  }
  return rows
}

/**
 * The header of a table without rules, printed over several lines: each column's words read top
 * to bottom as one cell (上级一般公 / 共预算安排 / 的转移支付 → 上级一般公共预算安排的转移支付),
 * and headings that run across columns (财政拨款（补助）over its sub-columns) go to a row above,
 * in the column where they start, as a merged cell of a ruled table would.
 */
function headerRows(lines: Word[][], xs: number[]): Row[] {
  const cols = xs.length - 1
  const group: Word[][] = Array.from({ length: cols }, () => [])
  const leaf: Word[][] = Array.from({ length: cols }, () => [])
  for (const w of lines.flat()) {
    const margin = Math.min(2, w.size / 4)
    const across = xs.slice(1, -1).some((x) => w.x0 < x - margin && w.x1 > x + margin)
    if (across) group[columnOf(xs, w.x0 + margin)]!.push(w)
    else leaf[columnOf(xs, (w.x0 + w.x1) / 2)]!.push(w)
  }
  // In one column, lines further apart than a wrapped heading's line spacing are two headings:
  // the upper one heads several columns (支出预算 over 合计, 基本支出, 项目支出).
  leaf.forEach((words, c) => {
    const runs = byBaseline(words)
    for (let k = runs.length - 1; k > 0; k--) {
      const [upper, lower] = [runs[k - 1]![0]!, runs[k]![0]!]
      if (lower.base - upper.base > 1.8 * Math.max(upper.size, lower.size)) {
        const moved = runs.slice(0, k).flat()
        group[c]!.push(...moved)
        leaf[c] = words.filter((w) => !moved.includes(w))
        break
      }
    }
  })
  const rows: Row[] = []
  for (const cells of [group, leaf]) {
    const words = cells.flat()
    if (words.length === 0) continue
    const box = boxOf(words)
    const row: RowCell[] = cells.map((ws, c) =>
      ws.length ? { text: cellText(ws), box: boxOf(ws), colSpan: 1, rowSpan: 1 } : { text: '', box: [xs[c]!, box[1], xs[c + 1]!, box[3]], colSpan: 1, rowSpan: 1 },
    )
    rows.push({ top: box[1], left: xs[0]!, box: [xs[0]!, box[1], xs.at(-1)!, box[3]], cells: row })
  }
  return rows
}

/**
 * True for a page of running text: no line splits into cells at a wide gap, and at least half of
 * the lines run across more than 40% of the page. Such a page draws no table worth its rules, so
 * its operator list (a second pass over the content stream) is not needed. A table page whose rows
 * happen to be single names is narrow, and keeps its rules.
 */
export function proseOnly(words: Word[], pageWidth: number): boolean {
  const lines = byBaseline(words)
  if (lines.some((l) => gapGroups(l).length >= 2)) return false
  const wide = lines.filter((l) => l.at(-1)!.x1 - l[0]!.x0 > 0.4 * pageWidth).length
  return wide * 2 >= lines.length
}

/** Group words into lines by baseline: a word joins a line whose baseline is within 40% of its size. */
export function byBaseline(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.base - b.base || a.x0 - b.x0)
  const lines: { base: number; size: number; words: Word[] }[] = []
  for (const w of sorted) {
    const line = lines.find((l) => Math.abs(l.base - w.base) <= 0.4 * Math.min(l.size, w.size))
    if (line) line.words.push(w)
    else lines.push({ base: w.base, size: w.size, words: [w] })
  }
  return lines.sort((a, b) => a.base - b.base).map((l) => l.words.sort((a, b) => a.x0 - b.x0))
}

/**
 * Join the words of one line: a space where the file has one or the gap is wide, except between
 * two ideographs (Chinese has none).
 */
function joinLine(words: Word[], free = false): string {
  let text = ''
  let prev: Word | undefined
  for (const w of words) {
    if (prev) {
      const gap = w.x0 - prev.x1
      const size = Math.min(prev.size, w.size)
      const cjk = isCjk(prev.text.at(-1)) && isCjk(w.text[0])
      // In free text a wide gap is a space even between ideographs (第二部分 上海市普陀区财政局);
      // inside a cell it is letter-spacing (因 公 出 国 （ 境 ） 费 用).
      if ((w.spaced || gap > SPACE_GAP * size) && (!cjk || (free && gap > FREE_CJK_GAP * size))) text += ' '
    }
    text += w.text
    prev = w
  }
  return text
}

/** The text of one cell: its lines joined; a name wrapped in the cell reads as one (`机关事业单位基本养老保险缴` + `费支出`). */
function cellText(words: Word[]): string {
  let text = ''
  for (const line of byBaseline(words)) {
    const t = joinLine(line)
    if (text !== '' && isWordChar(text.at(-1)) && isWordChar(t[0])) text += ' '
    text += t
  }
  return text
}

/**
 * Lines of text outside ruled tables. Runs of lines that form a table without rules get one cell
 * per column of that table (empty where a column is blank), with the parts of a wrapped name
 * above and below a row joined into the row's cell; other lines split into cells at wide gaps.
 */
function freeRows(words: Word[], carry?: UnruledTable): PageRows {
  const lines = byBaseline(words)
  const rows: Row[] = []
  const tables = unruledTables(lines, carry)
  let t = 0
  for (let i = 0; i < lines.length; i++) {
    const table = tables[t]
    if (table && i === table.first) {
      rows.push(...unruledRows(lines.slice(table.first, table.last + 1), table.xs))
      i = table.last
      t++
      continue
    }
    const line = lines[i]!
    const cells: RowCell[] = gapGroups(line).map((ws) => ({ text: joinLine(ws, true), box: boxOf(ws), colSpan: 1, rowSpan: 1 }))
    const box = boxOf(line)
    rows.push({ top: box[1], left: box[0], box, cells })
  }
  // A table whose last row is followed by nothing but short lines (a page number) may go on.
  const last = tables.at(-1)
  let next: UnruledTable | undefined
  if (last) {
    const width = last.xs.at(-1)! - last.xs[0]!
    if (lines.slice(last.last + 1).every((l) => l.at(-1)!.x1 - l[0]!.x0 < 0.25 * width)) next = last
  }
  return { rows, carry: next }
}

/** The rows of a table without rules, one cell per column. */
function unruledRows(lines: Word[][], xs: number[]): Row[] {
  const cols = xs.length - 1
  const split = lines.map((line) => {
    const cells: Word[][] = Array.from({ length: cols }, () => [])
    for (const w of line) cells[columnOf(xs, (w.x0 + w.x1) / 2)]!.push(w)
    return cells
  })
  const body = lines.map(isBodyRow)
  // A line without figures next to a body row whose cells are empty in the columns the line
  // uses is part of names wrapped around that row (机关事业单位基本养老保 / 208 05 05 … / 险缴费支出).
  const above: Word[][][] = split.map(() => Array.from({ length: cols }, () => []))
  const below: Word[][][] = split.map(() => Array.from({ length: cols }, () => []))
  const merged = new Set<number>()
  split.forEach((cells, i) => {
    if (body[i]) return
    const used = cells.flatMap((c, k) => (c.length ? [k] : []))
    if (used.length === 0) return
    const line = lines[i]!
    let best = -1
    for (let r = 0; r < lines.length; r++) {
      if (!body[r] || used.some((c) => split[r]![c]!.length)) continue
      const d = Math.abs(lines[r]![0]!.base - line[0]!.base)
      if (d > 1.5 * line[0]!.size) continue
      if (best < 0 || d < Math.abs(lines[best]![0]!.base - line[0]!.base)) best = r
    }
    if (best < 0) return
    merged.add(i)
    for (const c of used) (i < best ? above : below)[best]![c]!.push(...cells[c]!)
  })
  const rows: Row[] = []
  const firstBody = body.indexOf(true)
  const header = lines.flatMap((_, i) => (i < firstBody && !merged.has(i) ? [i] : []))
  if (header.length >= 2) rows.push(...headerRows(header.map((i) => lines[i]!), xs))
  split.forEach((cells, i) => {
    if (merged.has(i) || (header.length >= 2 && header.includes(i))) return
    const line = lines[i]!
    const all = [...line, ...above[i]!.flat(), ...below[i]!.flat()]
    const box = boxOf(all)
    const row: RowCell[] = cells.map((ws, c) => {
      const parts = [...above[i]![c]!, ...ws, ...below[i]![c]!]
      if (parts.length === 0) return { text: '', box: [xs[c]!, box[1], xs[c + 1]!, box[3]], colSpan: 1, rowSpan: 1 }
      return { text: cellText(parts), box: boxOf(parts), colSpan: 1, rowSpan: 1 }
    })
    rows.push({ top: boxOf(line)[1], left: xs[0]!, box: [xs[0]!, box[1], xs.at(-1)!, box[3]], cells: row })
  })
  return rows
}

/** The box around some words. */
export function boxOf(words: Word[]): Box {
  return [
    Math.min(...words.map((w) => w.x0)),
    Math.min(...words.map((w) => w.y0)),
    Math.max(...words.map((w) => w.x1)),
    Math.max(...words.map((w) => w.y1)),
  ]
}

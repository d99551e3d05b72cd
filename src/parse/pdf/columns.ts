import type { Word } from './glyphs.ts'

/** A table drawn without rules: its lines (top to bottom) and the column boundaries their whitespace shows. */
export interface UnruledTable {
  /** Index of the first and last line of the table in the page's lines. */
  first: number
  last: number
  /** Column boundaries, left to right (n columns have n + 1). */
  xs: number[]
}

/** A number as tables print it: `1,234.56`, `-0.5`, `12%`. */
const NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/
/** A gap wider than this many font sizes separates two cells of a line. */
const CELL_GAP = 1.5
/** A column of whitespace at least this many font sizes wide, crossed by no body word, separates columns. */
const RIVER = 0.5
/** Lines further apart than this many font sizes (baseline to baseline) are not in the same table. */
const LINE_GAP = 3.2
/** At most this many lines above the first body row are taken as its header. */
const HEADER_LINES = 8

/** Split a line of words at gaps wider than CELL_GAP font sizes. */
export function gapGroups(line: Word[]): Word[][] {
  const groups: Word[][] = []
  let prev: Word | undefined
  for (const w of line) {
    if (prev && w.x0 - prev.x1 <= CELL_GAP * Math.min(prev.size, w.size)) groups.at(-1)!.push(w)
    else groups.push([w])
    prev = w
  }
  return groups
}

/** A body row of a table: two or more cells, one of them a number. */
function isBodyRow(line: Word[]): boolean {
  return gapGroups(line).length >= 2 && line.some((w) => NUMBER.test(w.text))
}

const sizeOf = (line: Word[]) => Math.max(...line.map((w) => w.size))
const baseOf = (line: Word[]) => line[0]!.base

/**
 * Find tables drawn without rules among the text lines of a page (sorted top to bottom): runs of
 * body rows (cells split by wide gaps, with numbers) and the lines between and just above them,
 * whose columns are the vertical bands of whitespace that no body word crosses. Numbers are
 * right-aligned and names left-aligned, so a band is the space between the widest entries of two
 * neighbouring columns; narrower gaps (`201 一般公共服务支出`, a code and its name in one cell)
 * do not count.
 */
export function unruledTables(lines: Word[][]): UnruledTable[] {
  const tables: UnruledTable[] = []
  let i = 0
  while (i < lines.length) {
    if (!isBodyRow(lines[i]!)) {
      i++
      continue
    }
    // Extend downwards over body rows and the lines between them (wrapped names), while lines stay close.
    let last = i
    let j = i + 1
    while (j < lines.length && baseOf(lines[j]!) - baseOf(lines[j - 1]!) <= LINE_GAP * sizeOf(lines[j - 1]!)) {
      if (isBodyRow(lines[j]!)) last = j
      j++
    }
    const bodies = lines.slice(i, last + 1).filter(isBodyRow)
    let xs = rivers(bodies)
    if (bodies.length >= 2 && xs.length >= 3) {
      // Header lines above the first body row: close to each other, no larger than body text, and
      // not a caption running across the columns (编制部门：…).
      let first = i
      const size = sizeOf(lines[i]!)
      while (
        first > 0 &&
        i - first < HEADER_LINES &&
        (tables.at(-1)?.last ?? -1) < first - 1 &&
        baseOf(lines[first]!) - baseOf(lines[first - 1]!) <= LINE_GAP * size &&
        sizeOf(lines[first - 1]!) <= size * 1.2 &&
        !lines[first - 1]!.some((w) => crossings(xs, w) >= 2)
      )
        first--
      xs = headerColumns(xs, lines.slice(first, i), bodies.flat())
      tables.push({ first, last, xs })
    }
    i = last + 1
  }
  return tables
}

/** Column boundaries from the whitespace bands no body word crosses. */
function rivers(bodies: Word[][]): number[] {
  const words = bodies.flat().sort((a, b) => a.x0 - b.x0)
  if (words.length === 0) return []
  const sizes = words.map((w) => w.size).sort((a, b) => a - b)
  const minRiver = RIVER * sizes[sizes.length >> 1]!
  const xs = [words[0]!.x0]
  let right = words[0]!.x1
  for (const w of words.slice(1)) {
    if (w.x0 - right >= minRiver) xs.push((right + w.x0) / 2)
    right = Math.max(right, w.x1)
  }
  xs.push(right)
  return xs
}

/** How many inner column boundaries a word runs across. */
function crossings(xs: number[], w: Word): number {
  return xs.slice(1, -1).filter((x) => x > w.x0 && x < w.x1).length
}

/**
 * Columns that are blank in every body row still show in the header: where two header words on
 * one line are separated by a gap that no body word crosses (一般公共预算 | 政府性基金预算 |
 * 国有资本经营预算 over a body with figures in the first only), the gap is a column boundary too.
 */
function headerColumns(xs: number[], header: Word[][], body: Word[]): number[] {
  const out = [...xs]
  for (const line of header) {
    for (let g = 1; g < line.length; g++) {
      const a = line[g - 1]!.x1
      const b = line[g]!.x0
      if (b - a < RIVER * line[g]!.size) continue
      if (out.some((x) => x > a && x < b)) continue
      if (body.some((w) => w.x1 > a && w.x0 < b)) continue
      out.push((a + b) / 2)
    }
  }
  out.sort((p, q) => p - q)
  // Header words beyond the body's outer edges widen the table; when one lies wholly outside,
  // the old edge becomes the boundary of a column the body leaves blank.
  const words = header.flat()
  if (words.length) {
    const right = Math.max(...words.map((w) => w.x1))
    if (right > out.at(-1)!) {
      if (!words.some((w) => w.x0 >= out.at(-1)!)) out.pop()
      out.push(right)
    }
    const left = Math.min(...words.map((w) => w.x0))
    if (left < out[0]!) {
      if (!words.some((w) => w.x1 <= out[0]!)) out.shift()
      out.unshift(left)
    }
  }
  return out
}

/** The column of `x` among boundaries `xs`, clamped to the table. */
export function columnOf(xs: number[], x: number): number {
  let c = 0
  while (c + 2 < xs.length && x >= xs[c + 1]!) c++
  return c
}

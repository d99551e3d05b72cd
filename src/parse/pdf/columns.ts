import type { Word } from './glyphs.ts'

/** A table drawn without rules: its lines (top to bottom) and the column boundaries their whitespace shows. */
export interface UnruledTable {
  /** Index of the first and last line of the table in the page's lines. */
  first: number
  last: number
  /** Column boundaries, left to right (n columns have n + 1). */
  xs: number[]
  /** Font size of its body text. */
  size: number
}

/** A number as tables print it: `1,234.56`, `-0.5`, `12%`. */
const NUMBER = /^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$/
/** A gap wider than this many font sizes separates two cells of a line. */
const CELL_GAP = 1.5
/** A column of whitespace at least this many font sizes wide, crossed by no body word, separates columns. */
const RIVER = 0.5
/** Between header words, a narrower band suffices: header cells fill their columns. */
const HEADER_RIVER = 0.3
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
export function isBodyRow(line: Word[]): boolean {
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
 * do not count. `carry` is the columns of a table that ran to the foot of the previous page: lines
 * at the top of this page that fit them continue it, even rows without figures and without the
 * header that would show blank columns.
 */
export function unruledTables(lines: Word[][], carry?: UnruledTable): UnruledTable[] {
  const tables: UnruledTable[] = []
  let i = 0
  const continued = carry ? continuation(lines, carry) : -1
  if (carry && continued >= 0) {
    tables.push({ first: 0, last: continued, xs: carry.xs, size: carry.size })
    i = continued + 1
  }
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
    const body = rivers(bodies)
    if (bodies.length >= 2 && body.bands.length >= 1) {
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
        !lines[first - 1]!.some((w) => blocksOverlapped(body, w) >= 3)
      )
        first--
      const between = lines.slice(i, last + 1).filter((l) => !isBodyRow(l))
      tables.push({ first, last, xs: headerColumns(body, lines.slice(first, i), between), size: body.size })
    }
    i = last + 1
  }
  return tables
}

/** The columns the body rows of a table show: their outer edges and the whitespace bands between them. */
interface BodyColumns {
  left: number
  right: number
  /** The bands [from, to] of whitespace between columns, left to right. */
  bands: [number, number][]
  /** The extent of the body's words in each column. */
  blocks: [number, number][]
  size: number
}

/**
 * The whitespace bands no body word crosses. A column with no figures that only one body row
 * uses is not a column but a label placed off its column (收入总计 centred under 项目): the
 * narrower band beside it is dropped, so it joins its neighbour.
 */
function rivers(bodies: Word[][]): BodyColumns {
  const words = bodies.flatMap((line, row) => line.map((w) => ({ w, row }))).sort((a, b) => a.w.x0 - b.w.x0)
  if (words.length === 0) return { left: 0, right: 0, bands: [], blocks: [], size: 0 }
  const sizes = words.map(({ w }) => w.size).sort((a, b) => a - b)
  const size = sizes[sizes.length >> 1]!
  const bands: [number, number][] = []
  let right = words[0]!.w.x1
  for (const { w } of words.slice(1)) {
    if (w.x0 - right >= RIVER * size) bands.push([right, w.x0])
    right = Math.max(right, w.x1)
  }
  const left = words[0]!.w.x0
  // A column holds figures, or text from at least two rows.
  const isColumn = (a: number, b: number) => {
    const inside = words.filter(({ w }) => w.x0 >= a && w.x1 <= b)
    return inside.some(({ w }) => NUMBER.test(w.text)) || new Set(inside.map(({ row }) => row)).size >= 2
  }
  for (;;) {
    const edges = [left, ...bands.flat(), right]
    let drop = -1
    for (let c = 0; c <= bands.length && drop < 0; c++) {
      if (isColumn(edges[2 * c]!, edges[2 * c + 1]!) || bands.length === 0) continue
      const before = bands[c - 1]
      const after = bands[c]
      if (!before) drop = c
      else if (!after) drop = c - 1
      else drop = before[1] - before[0] <= after[1] - after[0] ? c - 1 : c
    }
    if (drop < 0) break
    bands.splice(drop, 1)
  }
  const edges = [left, ...bands.flat(), right]
  const blocks = Array.from({ length: bands.length + 1 }, (_, c): [number, number] => [edges[2 * c]!, edges[2 * c + 1]!])
  return { left, right, bands, blocks, size }
}

/**
 * The index of the last line, from the top of the page, that continues `table`: lines close
 * together, no larger than its text (a title is larger), within its width, none with a word
 * across a boundary except in a repeated header, and at least one with words in two columns
 * (a title such as 表3 fits one column too). -1 if none.
 */
function continuation(lines: Word[][], table: UnruledTable): number {
  const xs = table.xs
  let last = -1
  let columns = false
  let header = true
  for (let j = 0; j < lines.length; j++) {
    const line = lines[j]!
    const size = sizeOf(line)
    if (size > 1.2 * table.size) break
    if (j > 0 && baseOf(line) - baseOf(lines[j - 1]!) > LINE_GAP * sizeOf(lines[j - 1]!)) break
    if (line[0]!.x0 < xs[0]! - size || line.at(-1)!.x1 > xs.at(-1)! + size) break
    const margin = Math.min(2, size / 4)
    const across = line.some((w) => xs.slice(1, -1).some((x) => w.x0 < x - margin && w.x1 > x + margin))
    // A repeated header may head several columns at once (财政拨款收入 over 项目 and 合计).
    if (across && !(header && j < 3)) break
    if (!across) header = false
    if (new Set(line.map((w) => columnOf(xs, (w.x0 + w.x1) / 2))).size >= 2) columns = true
    last = j
  }
  return last >= 1 && columns && !header ? last : -1
}

/** How many body columns a word overlaps. */
function blocksOverlapped(body: BodyColumns, w: Word): number {
  return body.blocks.filter(([a, b]) => w.x0 < b && w.x1 > a).length
}

/**
 * Column boundaries of a table without rules, from its body and its header. The body shows a
 * band of whitespace between each two columns; the header places the boundary inside the band,
 * and shows the columns that are blank in every body row: header words stand in columns of their
 * own (上级一般公 / 共预算安排 / 的转移支付 stacked in one column), so whitespace that neither
 * header nor body words cross is a boundary too. So do the lines between body rows, which hold
 * the parts of names wrapped around their row.
 */
function headerColumns(body: BodyColumns, header: Word[][], between: Word[][]): number[] {
  const blocks: Word[] = body.blocks.map(([x0, x1]) => ({ text: '', x0, x1, y0: 0, y1: 0, base: 0, size: body.size }))
  // A heading centred over several columns (支出 over 科目名称 and 预算数) is not a column: it
  // stands over no figures and no word of a later header line, and between two neighbouring
  // words of one with nothing else between them. Group headings over several body columns (财政拨款（补助）) do not count either.
  const spansColumns = (w: Word, i: number) => {
    if (blocksOverlapped(body, w) >= 2) return true
    const later = header.slice(i + 1)
    if ([...later, blocks].some((line) => line.some((v) => v.x0 < w.x1 && v.x1 > w.x0))) return false
    const all = header.flat()
    return later.some((line) =>
      line.some((v, k) => {
        const u = line[k - 1]
        if (!u || u.x1 > w.x0 || v.x0 < w.x1) return false
        // Nothing else stands between the two: they are the columns the heading spans.
        return !all.some((o) => o !== w && o.x0 >= u.x1 && o.x1 <= v.x0 && (o.x1 <= w.x0 || o.x0 >= w.x1))
      }),
    )
  }
  const counted = [
    ...header.flatMap((line, i) => line.filter((w) => !spansColumns(w, i))),
    // Lines between body rows (parts of wrapped names) stand in their columns too.
    ...between.flat().filter((w) => blocksOverlapped(body, w) < 2),
  ]
  const words = [...blocks, ...counted].sort((a, b) => a.x0 - b.x0)
  const min = HEADER_RIVER * body.size
  const placed: (number | undefined)[] = body.bands.map(() => undefined)
  const extra: number[] = []
  // Only a gap with a header word on its right: a header centred over right-aligned figures
  // leaves a gap between it and them that is no boundary (figures sit at the right of a column).
  const isBlock = new Set(blocks)
  let right = words[0]?.x1 ?? 0
  for (const w of words.slice(1)) {
    const [a, b] = [right, w.x0]
    right = Math.max(right, w.x1)
    if (b - a < min || isBlock.has(w)) continue
    const k = body.bands.findIndex(([p, q]) => a < q && b > p)
    if (k >= 0 && placed[k] === undefined) placed[k] = (Math.max(a, body.bands[k]![0]) + Math.min(b, body.bands[k]![1])) / 2
    else extra.push((a + b) / 2)
  }
  const inner = [...body.bands.map(([p, q], k) => placed[k] ?? (p + q) / 2), ...extra].sort((p, q) => p - q)
  // Header words beyond the body's outer edges widen the table.
  const head = header.flat()
  return [Math.min(body.left, ...head.map((w) => w.x0)), ...inner, Math.max(body.right, ...head.map((w) => w.x1))]
}

/** The column of `x` among boundaries `xs`, clamped to the table. */
export function columnOf(xs: number[], x: number): number {
  let c = 0
  while (c + 2 < xs.length && x >= xs[c + 1]!) c++
  return c
}

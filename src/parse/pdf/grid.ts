import type { Rule } from './ruling.ts'

/** A box [x0, y0, x1, y1] in PDF points, top-left origin. */
export type Box = [number, number, number, number]

/** One cell of a ruled table: atomic grid cells merged where no rule separates them. */
export interface GridCell {
  /** First row and column (0-based), and the rows and columns it spans. */
  row: number
  col: number
  rowSpan: number
  colSpan: number
  box: Box
}

/** A ruled table on one page: the column and row boundaries its rules draw, and its cells. */
export interface Grid {
  /** Column boundaries, left to right (n columns have n + 1). */
  xs: number[]
  /** Row boundaries, top to bottom. */
  ys: number[]
  box: Box
  cells: GridCell[]
  /** `owner[r][c]`: index into `cells` of the cell that covers atomic cell (r, c). */
  owner: number[][]
}

/** Rules this close (points) are the same line; double borders and hairline offsets collapse. */
const SAME = 2
/** Rules that end this close to another touch it. */
const TOUCH = 3
/** A boundary counts as drawn when rules cover this share of it. */
const COVER = 0.6

/**
 * Find the ruled tables of a page: join collinear rule pieces, group rules that touch into
 * tables, take the distinct rule positions as column and row boundaries, and merge atomic cells
 * that no rule separates, which is how merged header cells (`本年收入合计` over two rows,
 * `项目` over 类/款/项) show up.
 */
export function findGrids(rules: Rule[]): Grid[] {
  const h = join(rules.filter((r) => r.dir === 'h'))
  const v = join(rules.filter((r) => r.dir === 'v'))
  const all = [...h, ...v]
  const parent = all.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let i = 0; i < h.length; i++) {
    const a = h[i]!
    for (let j = 0; j < v.length; j++) {
      const b = v[j]!
      if (b.at >= a.from - TOUCH && b.at <= a.to + TOUCH && a.at >= b.from - TOUCH && a.at <= b.to + TOUCH)
        parent[find(i)] = find(h.length + j)
    }
  }
  const groups = new Map<number, Rule[]>()
  all.forEach((r, i) => {
    const k = find(i)
    groups.set(k, [...(groups.get(k) ?? []), r])
  })
  const grids: Grid[] = []
  for (const group of groups.values()) {
    const gh = group.filter((r) => r.dir === 'h')
    const gv = group.filter((r) => r.dir === 'v')
    if (gh.length < 2 || gv.length < 2) continue
    const grid = build(gh, gv)
    if (grid) grids.push(grid)
  }
  return grids.sort((a, b) => a.box[1] - b.box[1])
}

/** Join collinear pieces of the same direction into longer rules. */
function join(rules: Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from)
  const out: Rule[] = []
  for (const r of sorted) {
    let hit: Rule | undefined
    for (let i = out.length - 1; i >= 0 && !hit; i--) {
      const o = out[i]!
      if (r.at - o.at > SAME) break
      if (r.from <= o.to + TOUCH && r.to >= o.from - TOUCH) hit = o
    }
    if (hit) {
      hit.from = Math.min(hit.from, r.from)
      hit.to = Math.max(hit.to, r.to)
    } else out.push({ ...r })
  }
  return out
}

/** Cluster positions closer than SAME into their mean. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const out: number[][] = []
  for (const x of sorted) {
    const last = out.at(-1)
    if (last && x - last.at(-1)! <= SAME) last.push(x)
    else out.push([x])
  }
  return out.map((g) => g.reduce((s, x) => s + x, 0) / g.length)
}

/** Share of [a, b] covered by rules at position `at`. */
function coverage(rules: Rule[], at: number, a: number, b: number): number {
  let covered = 0
  for (const r of rules) {
    if (Math.abs(r.at - at) > SAME) continue
    covered += Math.max(0, Math.min(b, r.to) - Math.max(a, r.from))
  }
  return b > a ? covered / (b - a) : 0
}

function build(h: Rule[], v: Rule[]): Grid | undefined {
  // The table's outer edges come from the ends of its rules too, so a table drawn without a left
  // or right border still gets its first and last column.
  const xs = cluster([...v.map((r) => r.at), Math.min(...h.map((r) => r.from)), Math.max(...h.map((r) => r.to))])
  const ys = cluster([...h.map((r) => r.at), Math.min(...v.map((r) => r.from)), Math.max(...v.map((r) => r.to))])
  if (xs.length < 2 || ys.length < 2) return undefined
  const rows = ys.length - 1
  const cols = xs.length - 1
  const parent: number[] = Array.from({ length: rows * cols }, (_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c
      if (c + 1 < cols && coverage(v, xs[c + 1]!, ys[r]!, ys[r + 1]!) < COVER) parent[find(i)] = find(i + 1)
      if (r + 1 < rows && coverage(h, ys[r + 1]!, xs[c]!, xs[c + 1]!) < COVER) parent[find(i)] = find(i + cols)
    }
  }
  const index = new Map<number, number>()
  const cells: GridCell[] = []
  const owner: number[][] = []
  for (let r = 0; r < rows; r++) {
    const line: number[] = []
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c)
      let k = index.get(root)
      if (k === undefined) {
        k = cells.length
        index.set(root, k)
        cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, box: [xs[c]!, ys[r]!, xs[c + 1]!, ys[r + 1]!] })
      } else {
        const cell = cells[k]!
        cell.rowSpan = Math.max(cell.rowSpan, r - cell.row + 1)
        cell.colSpan = Math.max(cell.colSpan, c - cell.col + 1)
        cell.box = [Math.min(cell.box[0], xs[c]!), cell.box[1], Math.max(cell.box[2], xs[c + 1]!), Math.max(cell.box[3], ys[r + 1]!)]
      }
      line.push(k)
    }
    owner.push(line)
  }
  return { xs, ys, box: [xs[0]!, ys[0]!, xs.at(-1)!, ys.at(-1)!], cells, owner }
}

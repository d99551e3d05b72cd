import { CLOSE, MOVE } from './thread.ts'
import { apply, type Matrix } from './viewport.ts'

/** A drawn horizontal or vertical line, in PDF points with a top-left origin. */
export interface Rule {
  /** 'h': y fixed, from x0 to x1. 'v': x fixed, from y0 to y1. */
  dir: 'h' | 'v'
  /** The fixed coordinate (y of a horizontal rule, x of a vertical one). */
  at: number
  /** Extent along the rule, from < to. */
  from: number
  to: number
}

/** A filled rectangle thinner than this (points) is a rule; anything wider is shading. */
const THIN = 2.5
/** Segments shorter than this are glyph strokes or dots, not table rules. */
const SHORT = 3

/**
 * Collect the table rules a page draws, from its painted paths (thread.ts `RawPage.paths`, in
 * user space, form XObjects included): stroked line segments and rectangle edges, and thin
 * filled rectangles. Clipping paths paint nothing and never get here. The viewport transform
 * flips y to a top-left origin.
 */
export function pageRules(paths: Float32Array, viewport: Matrix): Rule[] {
  const rules: Rule[] = []
  for (let at = 0; at < paths.length; ) {
    // Every path here is painted: filled, stroked or both (paths[at + 1], paths[at + 2]).
    const count = paths[at]!
    const stroked = paths[at + 2] === 1
    at += 3
    const subpaths: [number, number][][] = []
    let sub: [number, number][] = []
    for (let end = at + 3 * count; at < end; at += 3) {
      const point = apply(viewport, paths[at]!, paths[at + 1]!)
      const flags = paths[at + 2]!
      if (flags & MOVE) {
        if (sub.length > 1) subpaths.push(sub)
        sub = []
      }
      sub.push(point)
      if (flags & CLOSE && sub.length > 1) {
        const [start, last] = [sub[0]!, sub.at(-1)!]
        if (start[0] !== last[0] || start[1] !== last[1]) sub.push(start)
      }
    }
    if (sub.length > 1) subpaths.push(sub)
    for (const pts of subpaths) collect(pts, stroked, rules)
  }
  return rules
}

/** Add the axis-aligned pieces of one subpath to `rules`. */
function collect(pts: [number, number][], stroke: boolean, rules: Rule[]): void {
  if (stroke) {
    for (let j = 1; j < pts.length; j++) segment(pts[j - 1]!, pts[j]!, rules)
    return
  }
  // A filled shape counts only when it is a thin axis-aligned rectangle.
  const xs = pts.map((p) => p[0])
  const ys = pts.map((p) => p[1])
  const x0 = Math.min(...xs)
  const x1 = Math.max(...xs)
  const y0 = Math.min(...ys)
  const y1 = Math.max(...ys)
  if (!pts.every(([x, y]) => (near(x, x0) || near(x, x1)) && (near(y, y0) || near(y, y1)))) return
  const w = x1 - x0
  const h = y1 - y0
  if (h <= THIN && w >= SHORT) rules.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 })
  else if (w <= THIN && h >= SHORT) rules.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 })
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.01

function segment([ax, ay]: [number, number], [bx, by]: [number, number], rules: Rule[]): void {
  if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= SHORT)
    rules.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) })
  else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= SHORT)
    rules.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) })
}

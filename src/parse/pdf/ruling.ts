import { OPS } from './pdfjs.ts'
import { apply, multiply, type Matrix } from './glyphs.ts'

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

/** The part of pdf.js's operator list this module reads. */
export interface OperatorList {
  fnArray: number[]
  argsArray: unknown[]
}

/** pdf.js 5 packs each path into a Float32Array of these drawing codes (`DrawOPS` in pdf.js). */
const MOVE = 0
const LINE = 1
const CURVE = 2
const QUAD = 3
const CLOSE = 4

/** Paint operators that stroke the path (its segments are lines on the page). */
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke])
/** Paint operators that only fill (Word draws table borders as thin filled rectangles). */
const FILLS = new Set<number>([OPS.fill, OPS.eoFill])

/** A filled rectangle thinner than this (points) is a rule; anything wider is shading. */
const THIN = 2.5
/** Segments shorter than this are glyph strokes or dots, not table rules. */
const SHORT = 3

/**
 * Collect the table rules a page draws, from its operator list: stroked line segments and
 * rectangle edges, and thin filled rectangles. Clipping paths (`endPath`) draw nothing and are
 * skipped. The current transformation matrix is tracked through save/restore, `cm` and form
 * XObjects, then the viewport transform flips y to a top-left origin.
 */
export function pageRules(ops: OperatorList, viewport: Matrix): Rule[] {
  const rules: Rule[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const stack: Matrix[] = []
  const { fnArray, argsArray } = ops
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]
    switch (fn) {
      case OPS.save:
        stack.push(ctm)
        break
      case OPS.restore:
        ctm = stack.pop() ?? ctm
        break
      case OPS.transform:
        ctm = multiply(ctm, argsArray[i] as Matrix)
        break
      case OPS.paintFormXObjectBegin: {
        stack.push(ctm)
        const [matrix] = argsArray[i] as [Matrix | null]
        if (matrix) ctm = multiply(ctm, matrix)
        break
      }
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm
        break
      case OPS.constructPath: {
        const [paint, [path]] = argsArray[i] as [number, [Float32Array | null]]
        if (!path) break
        const stroke = STROKES.has(paint)
        if (!stroke && !FILLS.has(paint)) break
        collect(path, multiply(viewport, ctm), stroke, rules)
        break
      }
    }
  }
  return rules
}

/** Add the axis-aligned pieces of one path to `rules`. */
function collect(path: Float32Array, m: Matrix, stroke: boolean, rules: Rule[]): void {
  let start: [number, number] | undefined
  let cur: [number, number] | undefined
  let sub: [number, number][] = []
  const subpaths: [number, number][][] = []
  for (let k = 0; k < path.length; ) {
    const op = path[k++]
    if (op === MOVE) {
      if (sub.length > 1) subpaths.push(sub)
      cur = start = apply(m, path[k]!, path[k + 1]!)
      sub = [cur]
      k += 2
    } else if (op === LINE) {
      cur = apply(m, path[k]!, path[k + 1]!)
      sub.push(cur)
      k += 2
    } else if (op === CURVE) {
      // Curves are rounded corners at most; keep the end point so later lines start right.
      cur = apply(m, path[k + 4]!, path[k + 5]!)
      sub.push(cur)
      k += 6
    } else if (op === QUAD) {
      cur = apply(m, path[k + 2]!, path[k + 3]!)
      sub.push(cur)
      k += 4
    } else if (op === CLOSE) {
      if (start && cur && (start[0] !== cur[0] || start[1] !== cur[1])) sub.push(start)
      cur = start
    } else break
  }
  if (sub.length > 1) subpaths.push(sub)
  for (const pts of subpaths) {
    if (stroke) {
      for (let j = 1; j < pts.length; j++) segment(pts[j - 1]!, pts[j]!, rules)
      continue
    }
    // A filled shape counts only when it is a thin axis-aligned rectangle.
    const xs = pts.map((p) => p[0])
    const ys = pts.map((p) => p[1])
    const x0 = Math.min(...xs)
    const x1 = Math.max(...xs)
    const y0 = Math.min(...ys)
    const y1 = Math.max(...ys)
    if (!pts.every(([x, y]) => (near(x, x0) || near(x, x1)) && (near(y, y0) || near(y, y1)))) continue
    const w = x1 - x0
    const h = y1 - y0
    if (h <= THIN && w >= SHORT) rules.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 })
    else if (w <= THIN && h >= SHORT) rules.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 })
  }
}

const near = (a: number, b: number) => Math.abs(a - b) < 0.01

function segment([ax, ay]: [number, number], [bx, by]: [number, number], rules: Rule[]): void {
  if (Math.abs(ay - by) < 0.5 && Math.abs(ax - bx) >= SHORT)
    rules.push({ dir: 'h', at: (ay + by) / 2, from: Math.min(ax, bx), to: Math.max(ax, bx) })
  else if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) >= SHORT)
    rules.push({ dir: 'v', at: (ax + bx) / 2, from: Math.min(ay, by), to: Math.max(ay, by) })
}

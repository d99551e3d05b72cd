import type { Box4 } from './thread.ts'

/** An affine matrix [a, b, c, d, e, f] as PDF writes it. */
export type Matrix = [number, number, number, number, number, number]

/** Apply a matrix to a point. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** Screen directions of a page turned clockwise by 0, 90, 180 and 270 degrees: y flipped, then turned. */
const TURNS: Record<number, [number, number, number, number]> = {
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
}

/** How a page is viewed: the transform from user space, and the width of the view. */
export interface View {
  transform: Matrix
  width: number
}

/**
 * The page's view at scale 1: the transform from user space (PDF points, bottom-left origin) to a
 * top-left origin, turned clockwise by `rotate` degrees (its /Rotate, plus any turn that makes its
 * text upright). The visible area is the crop box within the media box, as viewers show it; it
 * lands at (0, 0). This is the one place y is flipped.
 */
export function viewport(media: Box4, crop: Box4 | undefined, rotate: number): View {
  const box = (crop && intersect(crop, media)) ?? media
  const [a, b, c, d] = TURNS[((rotate % 360) + 360) % 360] ?? TURNS[0]!
  const [p, q] = [apply([a, b, c, d, 0, 0], box[0], box[1]), apply([a, b, c, d, 0, 0], box[2], box[3])]
  return { transform: [a, b, c, d, -Math.min(p[0], q[0]), -Math.min(p[1], q[1])], width: Math.abs(p[0] - q[0]) }
}

/** The overlap of two boxes, or undefined when they do not overlap. */
function intersect(p: Box4, q: Box4): Box4 | undefined {
  const box: Box4 = [Math.max(p[0], q[0]), Math.max(p[1], q[1]), Math.min(p[2], q[2]), Math.min(p[3], q[3])]
  return box[0] < box[2] && box[1] < box[3] ? box : undefined
}

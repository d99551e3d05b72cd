import { INK, type Bitmap } from './bitmap.ts'

/** Largest skew looked for, in degrees: a page fed crooked into a scanner, not a page on its side. */
const MAX_DEGREES = 5
/** Pixels sampled: every other one in each direction. */
const STEP = 2
/** Below this (radians, about 0.05°) a page is left as it is: rows drift under a pixel per 1000. */
const NEGLIGIBLE = 0.001

/**
 * The skew of a page, in radians: the angle `a` at which the lines of text and the table rules
 * run (y grows by tan a per pixel to the right, so a positive angle is a page turned clockwise).
 * Found by projection profiles: the ink, projected along the right angle, piles up into the
 * sharpest peaks (the largest sum of squared bin counts). A coarse search over ±5° is refined
 * around its best angle.
 */
export function skewAngle(bitmap: Bitmap): number {
  const { width, height, data } = bitmap
  // Every other pixel in each direction is plenty to find the angle and keeps this at ~50 ms a page.
  const xs: number[] = []
  const ys: number[] = []
  for (let y = 0; y < height; y += STEP) {
    const row = y * width
    for (let x = 0; x < width; x += STEP) {
      if (data[row + x]! < INK) {
        xs.push(x)
        ys.push(y)
      }
    }
  }
  if (xs.length < 100) return 0
  const cx = width / 2
  const bins = new Int32Array(Math.ceil((height + 2 * width) / STEP) + 4)
  const score = (a: number) => {
    const t = Math.tan(a)
    bins.fill(0)
    // Bins as tall as the sampling step: one pixel tall, every other bin stays empty at exactly 0°
    // and the sum of squares doubles there, above the true peak of a page turned by 0.28°
    // (001-scanned.pdf page 4 was left turned, and its rows split at the header's rule).
    for (let i = 0; i < xs.length; i++) bins[((ys[i]! - (xs[i]! - cx) * t + width) / STEP + 2) | 0]!++
    let s = 0
    for (let i = 0; i < bins.length; i++) s += bins[i]! * bins[i]!
    return s
  }
  const search = (from: number, to: number, step: number) => {
    let best = 0
    let bestScore = -1
    for (let a = from; a <= to + 1e-12; a += step) {
      const s = score(a)
      if (s > bestScore) {
        bestScore = s
        best = a
      }
    }
    return best
  }
  const deg = Math.PI / 180
  const coarse = search(-MAX_DEGREES * deg, MAX_DEGREES * deg, 0.2 * deg)
  const fine = search(coarse - 0.2 * deg, coarse + 0.2 * deg, 0.02 * deg)
  return Math.abs(fine) < NEGLIGIBLE ? 0 : fine
}

/**
 * Rotate a page by `-angle` about its centre (bilinear), so content skewed by `angle` comes out
 * level. The size stays the same; corners brought in from outside are white paper.
 */
export function rotate(bitmap: Bitmap, angle: number): Bitmap {
  if (angle === 0) return bitmap
  const { width, height, data } = bitmap
  const out = new Uint8Array(width * height)
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const cx = width / 2
  const cy = height / 2
  for (let y = 0; y < height; y++) {
    const dy = y - cy
    // The source point of (x, y) is the output point turned by +angle; it moves by (cos, sin) per pixel.
    let sx = cx - cx * cos - dy * sin
    let sy = cy - cx * sin + dy * cos
    let o = y * width
    for (let x = 0; x < width; x++, sx += cos, sy += sin, o++) {
      const x0 = Math.floor(sx)
      const y0 = Math.floor(sy)
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
        out[o] = 255
        continue
      }
      const fx = sx - x0
      const fy = sy - y0
      const i = y0 * width + x0
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx
      out[o] = (top + (bottom - top) * fy + 0.5) | 0
    }
  }
  return { width, height, data: out }
}

/**
 * Map a box found on the level (rotated) page back onto the page as it was given: its corners
 * turned by +angle about the centre, and the box around them. This way places point at the
 * page the reader sees, not at our straightened copy.
 */
export function unrotateBox(box: [number, number, number, number], angle: number, width: number, height: number): [number, number, number, number] {
  if (angle === 0) return box
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  const cx = width / 2
  const cy = height / 2
  const pts = [
    [box[0], box[1]],
    [box[2], box[1]],
    [box[0], box[3]],
    [box[2], box[3]],
  ].map(([x, y]) => [cx + (x! - cx) * cos - (y! - cy) * sin, cy + (x! - cx) * sin + (y! - cy) * cos] as const)
  return [
    Math.min(...pts.map((p) => p[0])),
    Math.min(...pts.map((p) => p[1])),
    Math.max(...pts.map((p) => p[0])),
    Math.max(...pts.map((p) => p[1])),
  ]
}

import { CLOSE, CURVE, MOVE } from './thread.ts'

/** Two coordinates this close (points) are one: a rule is straight, a rectangle square to the axes. */
const SAME = 0.5

/**
 * Whether a page's painted paths (thread.ts `RawPage.paths`) draw anything but rules: a curve, a
 * slanted stroke, or a filled shape with a point off the corners of its bounding box. Text drawn as glyph
 * outlines does; table borders (stroked rules, thin filled bars) and shaded cells do not. This is
 * what tells a page whose only ink is an empty ruled row from one that needs OCR (parse/ocr).
 */
export function drawsBeyondRules(paths: Float32Array): boolean {
  for (let at = 0; at < paths.length; ) {
    const count = paths[at]!
    const filled = paths[at + 1] === 1
    const stroked = paths[at + 2] === 1
    at += 3
    const end = at + 3 * count
    // One subpath at a time: its first point and how many points it has.
    let start = at
    for (; at < end; at += 3) {
      const flags = paths[at + 2]!
      if (flags & CURVE) return true
      if (flags & MOVE && at > start) {
        if (filled && !isRectangle(paths, start, at)) return true
        start = at
      }
      if (stroked && at > start && slanted(paths, at - 3, at)) return true
      if (stroked && flags & CLOSE && slanted(paths, at, start)) return true
    }
    if (filled && end > start && !isRectangle(paths, start, end)) return true
  }
  return false
}

/** Whether the segment between the points at `a` and `b` is neither horizontal nor vertical. */
function slanted(paths: Float32Array, a: number, b: number): boolean {
  return Math.abs(paths[a]! - paths[b]!) >= SAME && Math.abs(paths[a + 1]! - paths[b + 1]!) >= SAME
}

/** Whether the points from `start` to `end` all lie on the corners of their bounding box (a filled line or dot counts too). */
function isRectangle(paths: Float32Array, start: number, end: number): boolean {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity]
  for (let p = start; p < end; p += 3) {
    x0 = Math.min(x0, paths[p]!)
    x1 = Math.max(x1, paths[p]!)
    y0 = Math.min(y0, paths[p + 1]!)
    y1 = Math.max(y1, paths[p + 1]!)
  }
  for (let p = start; p < end; p += 3) {
    const x = paths[p]!
    const y = paths[p + 1]!
    if ((Math.abs(x - x0) >= SAME && Math.abs(x - x1) >= SAME) || (Math.abs(y - y0) >= SAME && Math.abs(y - y1) >= SAME)) return false
  }
  return true
}

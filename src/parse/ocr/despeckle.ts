import { INK, type Bitmap } from './bitmap.ts'

/**
 * A copy of the page with specks painted white: blobs of ink (8-connected) of at most `maxArea`
 * pixels with no other ink within `clearance` pixels. Scanner dust and toner dots go; a decimal
 * point stays, because it sits next to its digits (and is larger than the specks removed at the
 * default size). Keeping the point matters more than removing every speck: a lost point changes
 * a number, a stray speck mostly reads as nothing.
 */
export function despeckle(bitmap: Bitmap, maxArea: number, clearance: number): Bitmap {
  const { width, height, data } = bitmap
  const out = new Uint8Array(data)
  const seen = new Uint8Array(width * height)
  const stack: number[] = []
  const blob: number[] = []
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= INK) continue
    blob.length = 0
    stack.push(start)
    seen[start] = 1
    let x0 = width
    let y0 = height
    let x1 = 0
    let y1 = 0
    let big = false
    while (stack.length > 0) {
      const p = stack.pop()!
      if (!big) blob.push(p)
      if (blob.length > maxArea) big = true
      const x = p % width
      const y = (p - x) / width
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy
        if (ny < 0 || ny >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          if (nx < 0 || nx >= width) continue
          const q = ny * width + nx
          if (!seen[q] && data[q]! < INK) {
            seen[q] = 1
            stack.push(q)
          }
        }
      }
    }
    if (big || isNear(data, width, height, x0, y0, x1, y1, clearance)) continue
    // The blob and its grey anti-aliased rim.
    for (let y = Math.max(0, y0 - 1); y <= Math.min(height - 1, y1 + 1); y++)
      for (let x = Math.max(0, x0 - 1); x <= Math.min(width - 1, x1 + 1); x++) out[y * width + x] = 255
  }
  return { width, height, data: out }
}

/** True when there is ink within `r` pixels around the box [x0, x1] × [y0, y1] (the box itself excluded). */
function isNear(data: Uint8Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number, r: number): boolean {
  for (let y = Math.max(0, y0 - r); y <= Math.min(height - 1, y1 + r); y++) {
    const inside = y >= y0 && y <= y1
    for (let x = Math.max(0, x0 - r); x <= Math.min(width - 1, x1 + r); x++) {
      if (inside && x >= x0 && x <= x1) continue
      if (data[y * width + x]! < INK) return true
    }
  }
  return false
}

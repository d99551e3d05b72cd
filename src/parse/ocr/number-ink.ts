import { INK, type Bitmap } from './bitmap.ts'

/**
 * A number cell without the specks around its number. The number reader allows only digits and
 * separators, so it reads any mark as one of them: a speck left of `326.72` came back as `1326.72`,
 * twice, with full confidence. Marks much lower than the digits (under a third of the tallest
 * blob) are kept only where a decimal point or a thousands comma can be: between the first and
 * last digit, in the lower half of the line, and a flat dash (a minus sign).
 */
export function onlyDigitInk(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const seen = new Uint8Array(width * height)
  const blobs: { pixels: number[]; x0: number; x1: number; y0: number; y1: number }[] = []
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start]! >= INK) continue
    const blob = { pixels: [] as number[], x0: width, x1: 0, y0: height, y1: 0 }
    const stack = [start]
    seen[start] = 1
    while (stack.length) {
      const p = stack.pop()!
      blob.pixels.push(p)
      const x = p % width
      const y = (p - x) / width
      blob.x0 = Math.min(blob.x0, x)
      blob.x1 = Math.max(blob.x1, x)
      blob.y0 = Math.min(blob.y0, y)
      blob.y1 = Math.max(blob.y1, y)
      for (const q of [p - 1, p + 1, p - width, p + width, p - width - 1, p - width + 1, p + width - 1, p + width + 1]) {
        if (q < 0 || q >= data.length || seen[q] || data[q]! >= INK) continue
        if (Math.abs((q % width) - x) > 1) continue
        seen[q] = 1
        stack.push(q)
      }
    }
    blobs.push(blob)
  }
  const tall = Math.max(0, ...blobs.map((b) => b.y1 - b.y0 + 1))
  const digits = blobs.filter((b) => b.y1 - b.y0 + 1 >= tall / 3)
  if (digits.length === 0) return bitmap
  const left = Math.min(...digits.map((b) => b.x0))
  const right = Math.max(...digits.map((b) => b.x1))
  const top = Math.min(...digits.map((b) => b.y0))
  const bottom = Math.max(...digits.map((b) => b.y1))
  const out = new Uint8Array(data)
  for (const b of blobs) {
    if (b.y1 - b.y0 + 1 >= tall / 3) continue
    const cx = (b.x0 + b.x1) / 2
    const cy = (b.y0 + b.y1) / 2
    const separator = cx > left && cx < right && cy > (top + bottom) / 2 && cy <= bottom + tall / 4
    // A minus sign: a flat dash at mid-height (specks are round).
    const w = b.x1 - b.x0 + 1
    const minus = w >= 2 * (b.y1 - b.y0 + 1) && w >= tall / 3 && cy > top && cy < bottom
    if (!separator && !minus) for (let y = Math.max(0, b.y0 - 1); y <= Math.min(height - 1, b.y1 + 1); y++) for (let x = Math.max(0, b.x0 - 1); x <= Math.min(width - 1, b.x1 + 1); x++) out[y * width + x] = 255
  }
  return { width, height, data: out }
}

/** Thicken the ink by one pixel (a 3 × 3 minimum): thin strokes read better, and differently. */
export function embolden(bitmap: Bitmap): Bitmap {
  const { width, height, data } = bitmap
  const out = new Uint8Array(data)
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x
      if (data[i]! < INK) continue
      let m = data[i]!
      for (let dy = -width; dy <= width; dy += width)
        for (let dx = -1; dx <= 1; dx++) if (data[i + dy + dx]! < m) m = data[i + dy + dx]!
      out[i] = m
    }
  }
  return { width, height, data: out }
}

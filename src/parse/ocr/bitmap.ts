/**
 * @napi-rs/canvas, loaded on first use: a native module that costs 100–200 ms to load, which a
 * PDF with a text layer (read through `readPdfOcr` too) should not pay.
 */
let napi: typeof import('@napi-rs/canvas') | undefined
export async function canvasLib(): Promise<typeof import('@napi-rs/canvas')> {
  return (napi ??= await import('@napi-rs/canvas'))
}

/** A greyscale image, one byte per pixel (0 black, 255 white), rows top to bottom. */
export interface Bitmap {
  width: number
  height: number
  data: Uint8Array
}

/** Pixels darker than this are ink. */
export const INK = 160

/** Greyscale from RGBA pixels (ITU-R BT.601 luma; transparent pixels count as white paper). */
export function fromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Bitmap {
  const data = new Uint8Array(width * height)
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    const a = rgba[j + 3]! / 255
    const y = (299 * rgba[j]! + 587 * rgba[j + 1]! + 114 * rgba[j + 2]!) / 1000
    data[i] = Math.round(y * a + 255 * (1 - a))
  }
  return { width, height, data }
}

/** True when the bytes start like a PNG or JPEG file. */
export function isImage(bytes: Uint8Array): boolean {
  return imageKind(bytes) !== undefined
}

/** PNG or JPEG, from the file's magic number. */
export function imageKind(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return undefined
}

/**
 * Decode a PNG or JPEG file to greyscale, in JavaScript (png.ts, jpeg.ts): @napi-rs/canvas's
 * decoder crashes the process on a damaged image. Throws on bytes that are not a decodable image.
 */
export async function decodeImage(file: string, bytes: Uint8Array): Promise<Bitmap> {
  const kind = imageKind(bytes)
  if (kind === 'png') return (await import('./png.ts')).decodePng(bytes)
  if (kind === 'jpeg') return (await import('./jpeg.ts')).decodeJpeg(file, bytes)
  throw new Error('not a PNG or JPEG image')
}

/** Encode as PNG (what tesseract.js is given). */
export async function encodePng(bitmap: Bitmap): Promise<Buffer> {
  const { createCanvas, ImageData } = await canvasLib()
  const { width, height, data } = bitmap
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0, j = 0; i < data.length; i++, j += 4) {
    rgba[j] = rgba[j + 1] = rgba[j + 2] = data[i]!
    rgba[j + 3] = 255
  }
  const canvas = createCanvas(width, height)
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0)
  return canvas.toBuffer('image/png')
}

/** The part of a bitmap inside [x0, x1) × [y0, y1) (clamped), with `pad` white pixels around it. */
export function crop(bitmap: Bitmap, x0: number, y0: number, x1: number, y1: number, pad = 0): Bitmap {
  const ax = Math.max(0, Math.floor(x0))
  const ay = Math.max(0, Math.floor(y0))
  const bx = Math.min(bitmap.width, Math.ceil(x1))
  const by = Math.min(bitmap.height, Math.ceil(y1))
  const w = Math.max(0, bx - ax)
  const h = Math.max(0, by - ay)
  const out: Bitmap = { width: w + 2 * pad, height: h + 2 * pad, data: new Uint8Array((w + 2 * pad) * (h + 2 * pad)).fill(255) }
  for (let y = 0; y < h; y++) {
    const from = (ay + y) * bitmap.width + ax
    out.data.set(bitmap.data.subarray(from, from + w), (y + pad) * out.width + pad)
  }
  return out
}

/** Number of ink pixels inside [x0, x1) × [y0, y1). */
export function inkIn(bitmap: Bitmap, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0
  const ax = Math.max(0, Math.floor(x0))
  const bx = Math.min(bitmap.width, Math.ceil(x1))
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(bitmap.height, Math.ceil(y1)); y++) {
    const row = y * bitmap.width
    for (let x = ax; x < bx; x++) if (bitmap.data[row + x]! < INK) n++
  }
  return n
}

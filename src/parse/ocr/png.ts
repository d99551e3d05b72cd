import { inflateSync } from 'node:zlib'
import type { Bitmap } from './bitmap.ts'

/**
 * Decode a PNG to greyscale, in JavaScript (node:zlib inflates). Not @napi-rs/canvas: its decoder
 * crashes the whole process (segmentation fault) on an image it cannot decode, such as a PNG cut
 * after its header, and a disclosure reader is given files from anywhere. Supports every colour
 * type and bit depth of PNG 1.2, not interlaced; transparent pixels are composed onto white paper.
 * Throws an Error saying what is wrong.
 */
export function decodePng(bytes: Uint8Array): Bitmap {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = 8
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | undefined
  let palette: Uint8Array | undefined
  let alphas: Uint8Array | undefined
  const idat: Uint8Array[] = []
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    const data = bytes.subarray(at + 8, at + 8 + length)
    if (data.length < length) throw new Error(`PNG cut short in chunk ${type}`)
    if (type === 'IHDR') {
      if (length < 13) throw new Error('PNG header too short')
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: data[8]!, type: data[9]!, interlace: data[12]! }
    } else if (type === 'PLTE') palette = data
    else if (type === 'tRNS') alphas = data
    else if (type === 'IDAT') idat.push(data)
    else if (type === 'IEND') break
    at += 12 + length
  }
  if (!header) throw new Error('PNG without header (IHDR)')
  const { width, height, depth, type, interlace } = header
  if (width === 0 || height === 0 || width > 100_000 || height > 100_000) throw new Error(`PNG of ${width}×${height} pixels`)
  if (interlace !== 0) throw new Error('interlaced PNG is not supported')
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[type]
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(depth)) throw new Error(`PNG colour type ${type} at ${depth} bits is not valid`)
  if (type === 3 && !palette) throw new Error('PNG palette (PLTE) missing')
  if (idat.length === 0) throw new Error('PNG without image data (IDAT)')
  const raw = inflateSync(Buffer.concat(idat))
  const bpp = Math.max(1, (channels * depth) >> 3)
  const stride = Math.ceil((width * channels * depth) / 8)
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data cut short')
  const out = new Uint8Array(width * height)
  let prev = new Uint8Array(stride)
  let line = new Uint8Array(stride)
  const max = (1 << depth) - 1
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1))
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp]! : 0
      const b = prev[i]!
      const c = i >= bpp ? prev[i - bpp]! : 0
      let v = src[i]!
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      } else if (filter !== 0) throw new Error(`PNG row ${y} has unknown filter ${filter}`)
      line[i] = v & 0xff
    }
    const sample = (k: number): number => {
      if (depth === 8) return line[k]!
      if (depth === 16) return line[2 * k]!
      const bit = k * depth
      return ((line[bit >> 3]! >> (8 - depth - (bit & 7))) & max) * (type === 3 ? 1 : 255 / max)
    }
    for (let x = 0; x < width; x++) {
      const k = x * channels
      let r: number
      let g: number
      let bl: number
      let alpha = 255
      if (type === 3) {
        const i = sample(k)
        r = palette![3 * i] ?? 0
        g = palette![3 * i + 1] ?? 0
        bl = palette![3 * i + 2] ?? 0
        alpha = alphas?.[i] ?? 255
      } else if (type === 0 || type === 4) {
        r = g = bl = sample(k)
        if (type === 4) alpha = sample(k + 1)
      } else {
        r = sample(k)
        g = sample(k + 1)
        bl = sample(k + 2)
        if (type === 6) alpha = sample(k + 3)
      }
      const grey = (299 * r + 587 * g + 114 * bl) / 1000
      out[y * width + x] = Math.round((grey * alpha + 255 * (255 - alpha)) / 255)
    }
    ;[prev, line] = [line, prev]
  }
  return { width, height, data: out }
}

import { loadPdf } from '../pdf/load.ts'
import type { Bitmap } from './bitmap.ts'
import { renderPage } from './raster.ts'

/**
 * Decode a JPEG to greyscale with pdf.js's JavaScript JPEG decoder, by wrapping it as the one
 * image of a one-page PDF (a `DCTDecode` image, as scanners write them) and rendering that page
 * at one pixel per pixel. Not @napi-rs/canvas: its decoder crashes the process (segmentation
 * fault) on a damaged JPEG, where pdf.js throws. Throws an Error for a file that is not a
 * baseline or progressive JPEG.
 */
export async function decodeJpeg(file: string, bytes: Uint8Array): Promise<Bitmap> {
  const { width, height, components } = jpegSize(bytes)
  const pdf = wrap(bytes, width, height, components)
  const doc = await loadPdf(file, pdf, undefined, { images: true })
  try {
    return await renderPage(await doc.getPage(1), 72)
  } finally {
    await doc.destroy()
  }
}

/** Width, height and colour components from the JPEG's frame header (SOFn). */
export function jpegSize(bytes: Uint8Array): { width: number; height: number; components: number } {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) throw new Error(`JPEG marker expected at byte ${at}`)
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 >= bytes.length) break
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!
      const components = bytes[at + 9]!
      if (width === 0 || height === 0 || ![1, 3, 4].includes(components)) throw new Error(`JPEG of ${width}×${height} pixels, ${components} components`)
      return { width, height, components }
    }
    if (marker === 0xda || marker === 0xd9) break
    at += 2 + length
  }
  throw new Error('JPEG without a frame header (SOF)')
}

/** A minimal PDF whose one page is the JPEG, one point per pixel. */
function wrap(jpeg: Uint8Array, width: number, height: number, components: number): Uint8Array {
  const space = components === 1 ? '/DeviceGray' : components === 3 ? '/DeviceRGB' : '/DeviceCMYK'
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`
  const parts: Uint8Array[] = []
  const offsets: number[] = []
  let length = 0
  const push = (p: Uint8Array | string) => {
    const b = typeof p === 'string' ? new TextEncoder().encode(p) : p
    parts.push(b)
    length += b.length
  }
  const obj = (n: number, ...body: (Uint8Array | string)[]) => {
    offsets[n] = length
    push(`${n} 0 obj\n`)
    body.forEach(push)
    push('\nendobj\n')
  }
  push('%PDF-1.4\n')
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
  obj(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`)
  obj(4, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${space} /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, jpeg, '\nendstream')
  obj(5, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`)
  const xref = length
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`)
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`)
  const out = new Uint8Array(length)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

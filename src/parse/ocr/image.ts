import type { Diagnostic } from '../../model/index.ts'
import type { PdfLayout } from '../pdf/index.ts'
import type { PdfLine } from '../pdf/layout.ts'
import { decodeImage, imageKind } from './bitmap.ts'
import { ocrDiagnostics } from './diagnostics.ts'
import { createOcrEngine } from './engine.ts'
import type { OcrOptions } from './options.ts'
import { readPageImage } from './page.ts'

/** What reading an image file gives: one page of layout, and what OCR had to say about it. */
export interface ImageRead {
  layout: PdfLayout
  diagnostics: Diagnostic[]
  /** The resolution assumed, dots per inch. */
  dpi: number
}

/** An image that cannot be decoded. */
export class ImageError extends Error {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options)
    this.name = 'ImageError'
  }
}

/** Largest image accepted, in pixels (an A3 page at 600 dpi is about 70 million). */
const MAX_PIXELS = 80_000_000

/**
 * Read a scanned page given as a PNG or JPEG file (a photo or scan of one page of a disclosure)
 * by OCR, into the layout every reader produces: page 1, boxes in pixels of the image. Image
 * files rarely say their resolution truthfully, so it is taken from the size, assuming an A4
 * page (the long side is 11.69 in), which is what the rule and speck sizes depend on.
 * Throws ImageError for bytes that are not a decodable PNG or JPEG, or too large an image.
 */
export async function readImage(file: string, bytes: Uint8Array, options: OcrOptions = {}): Promise<ImageRead> {
  if (!imageKind(bytes)) throw new ImageError(file, '不是 PNG 或 JPEG 图像 (not a PNG or JPEG image)')
  let image
  try {
    image = await decodeImage(file, bytes)
  } catch (e) {
    throw new ImageError(file, `图像无法解码 (image cannot be decoded: ${(e as Error)?.message ?? String(e)})`, { cause: e })
  }
  if (image.width * image.height > MAX_PIXELS)
    throw new ImageError(file, `图像过大：${image.width}×${image.height} 像素 (image too large)`)
  const dpi = Math.max(72, Math.round(Math.max(image.width, image.height) / 11.69))
  const scale = dpi / 72
  const engine = options.engine ?? createOcrEngine()
  try {
    const result = await readPageImage(engine, image, { file, page: 1, dpi, scale, firstLine: 1 })
    // The reader works in points at the assumed resolution; an image's places are in its pixels.
    for (const line of result.lines) {
      toPixels(line, scale)
    }
    return { layout: { file, lines: result.lines }, diagnostics: ocrDiagnostics(file, 1, result), dpi }
  } finally {
    if (!options.engine) await engine.terminate()
  }
}

function toPixels(line: PdfLine, scale: number) {
  const px = (b: [number, number, number, number]): [number, number, number, number] => b.map((v) => Math.round(v * scale)) as [number, number, number, number]
  if (line.place.box) line.place.box = px(line.place.box)
  for (const cell of line.cells ?? []) if (cell.place.box) cell.place.box = px(cell.place.box)
}

import type { PDFPageProxy } from '../pdf/pdfjs.ts'
import { canvasLib, fromRgba, type Bitmap } from './bitmap.ts'

/** Resolution pages are rendered at for OCR: at 150 dpi thousands separators get lost (stack notes §3). */
export const OCR_DPI = 300

/**
 * Render a PDF page (opened with images, `loadPdf(..., { images: true })`) to a greyscale
 * bitmap at `dpi`, with pdf.js drawing onto an @napi-rs/canvas canvas on white paper. Pixel
 * (x, y) is PDF point (x, y) × dpi / 72 in the reader's top-left coordinates, because the same
 * viewport transform is used, only scaled.
 */
export async function renderPage(page: PDFPageProxy, dpi = OCR_DPI): Promise<Bitmap> {
  const { createCanvas } = await canvasLib()
  const viewport = page.getViewport({ scale: dpi / 72 })
  const width = Math.ceil(viewport.width)
  const height = Math.ceil(viewport.height)
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, width, height)
  // pdf.js types its targets as DOM canvases; @napi-rs/canvas implements the part it uses.
  const target = canvas as unknown as HTMLCanvasElement
  await page.render({ canvas: target, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise
  return fromRgba(ctx.getImageData(0, 0, width, height).data, width, height)
}

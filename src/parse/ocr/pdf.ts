import type { Diagnostic } from '../../model/index.ts'
import type { PdfLimits, PdfRead } from '../pdf/index.ts'
import type { PdfLine } from '../pdf/layout.ts'
import { INK, type Bitmap } from './bitmap.ts'
import { ocrCandidates } from './candidates.ts'
import { ocrDiagnostics } from './diagnostics.ts'
import { correctByDocument } from './document-lexicon.ts'
import { createOcrEngine, type OcrEngine } from './engine.ts'
import type { OcrOptions } from './options.ts'
import { readPageImage, type ScannedPage } from './page.ts'
import type { Phrase } from './phrases.ts'
import { OCR_DPI, renderPage } from './raster.ts'
import { renumber } from './renumber.ts'
import { eraseRules, findRules, ruleOptions } from './rules.ts'

/** Resolution of the rendering that tells a blank page (a white scan, rules alone) before the one OCR needs. */
const PREVIEW_DPI = 60

/** A rendered page with less ink than this share of its pixels is blank. */
const BLANK = 0.0005

/**
 * Read a PDF like `readPdf`, and OCR the pages that have no usable text layer (candidates.ts:
 * pages with (almost) no text that paint an image, pages with no text that draw more than rules,
 * pages skipped because their glyphs have no Unicode mapping). Only then is pdf.js loaded: each
 * such page is rendered at 300 dpi and read by `readPageImage`; its lines replace the page's
 * text-layer lines, and lines are numbered again across the document. Unsure names are put right
 * by the document's own text (document-lexicon.ts). The `parse/pdf-no-text` and unmapped-glyph
 * errors of those pages give way to a `parse/ocr-page` note and a `parse/ocr-low-confidence`
 * warning per unsure cell. A PDF with a text layer on every page costs nothing more than
 * `readPdf`: no pdf.js, no recogniser.
 */
export async function readPdfOcr(file: string, bytes: Uint8Array, options: OcrOptions = {}, limits: Partial<PdfLimits> = {}): Promise<PdfRead> {
  // Loaded here, not when this module is: parseFile imports parse/ocr for `isImage` on every file.
  const { readPdf } = await import('../pdf/index.ts')
  const read = await readPdf(file, bytes, limits)
  const candidates = ocrCandidates(read)
  if (candidates.length === 0) return read

  const dpi = options.dpi ?? OCR_DPI
  const { defaultLimits, loadPdf } = await import('../pdf/load.ts')
  const doc = await loadPdf(file, bytes, { ...defaultLimits, ...limits }, { images: true })
  let engine: OcrEngine | undefined = options.engine
  const own = engine === undefined
  const scanned = new Map<number, ScannedPage>()
  const notes: Diagnostic[] = []
  try {
    for (const { page: n, hasText } of candidates) {
      const page = await doc.getPage(n)
      try {
        // A white scan, or one whose only ink is ruling lines, has nothing to read: a coarse
        // rendering tells, before the 300 dpi one OCR needs.
        const preview = await renderPage(page, PREVIEW_DPI)
        if (isBlank(preview) || (!hasText && isBlank(eraseRules(preview, findRules(preview, ruleOptions(PREVIEW_DPI)))))) continue
        const image = await renderPage(page, dpi)
        engine ??= createOcrEngine()
        const result = await readPageImage(engine, image, { file, page: n, dpi, scale: dpi / 72, firstLine: 1 })
        scanned.set(n, result)
      } catch (e) {
        notes.push({
          ruleId: 'parse/ocr-failed',
          severity: 'error',
          message: `第 ${n} 页 OCR 识别失败 (page ${n}: OCR failed: ${(e as Error)?.message ?? String(e)})`,
          place: { file, start: { line: 1, column: 1 }, page: n },
        })
      } finally {
        page.cleanup()
      }
    }
  } finally {
    await doc.destroy()
    if (own && engine) await engine.terminate()
  }
  if (scanned.size === 0) return { ...read, diagnostics: [...read.diagnostics, ...notes] }

  const lines: PdfLine[] = []
  for (let n = 1; n <= read.pagesRead; n++) lines.push(...(scanned.get(n)?.lines ?? read.layout.lines.filter((l) => l.place.page === n)))
  // Lines before the first page (none today) and after the pages read keep their place in the order.
  lines.push(...read.layout.lines.filter((l) => (l.place.page ?? 0) < 1 || (l.place.page ?? 0) > read.pagesRead))
  renumber(lines)
  // Unsure names put right by what the document prints elsewhere: its text layer, cell by cell, and what OCR read with confidence.
  const phrases: Phrase[] = [...scanned.values()].flatMap((s) => s.phrases)
  for (const line of lines) if (!scanned.has(line.place.page ?? 0)) for (const text of line.text.split('\t')) phrases.push({ text, line })
  notes.push(...correctByDocument([...scanned.values()].flatMap((s) => s.lines), phrases))
  for (const [n, result] of scanned) notes.push(...ocrDiagnostics(file, n, result))
  const replaced = (d: Diagnostic) =>
    (d.ruleId === 'parse/pdf-no-text' || d.ruleId === 'parse/pdf-unmapped-glyphs') && scanned.has(d.place?.page ?? 0)
  return { ...read, layout: { ...read.layout, lines }, diagnostics: [...read.diagnostics.filter((d) => !replaced(d)), ...notes] }
}

/** A page with (almost) no ink. */
function isBlank(image: Bitmap): boolean {
  let ink = 0
  // Every 4th pixel of every 4th row is enough to tell paper from print.
  for (let y = 0; y < image.height; y += 4)
    for (let x = 0; x < image.width; x += 4) if (image.data[y * image.width + x]! < INK) ink++
  return ink < BLANK * (image.width / 4) * (image.height / 4)
}

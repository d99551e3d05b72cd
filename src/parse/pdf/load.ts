import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { PdfError } from './error.ts'
import { defaultLimits, type PdfLimits } from './limits.ts'
import { hasHeader } from './markers.ts'
import { getDocument, type PDFDocumentProxy } from './pdfjs.ts'

// parse/ocr and its bench import the limits from here, beside the loader.
export { defaultLimits }

/** The pdfjs-dist package folder, where its packed CMaps and standard fonts live. */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/**
 * Open a PDF with pdf.js, to render its pages (parse/ocr; the text layer is read with PDFium,
 * index.ts). Chinese 公文 fonts are often CID fonts that need the packed Adobe CMaps, and
 * unembedded base-14 fonts need the standard font data: without both, pdf.js draws nothing or
 * the wrong glyphs. Images are not decoded unless `options.images`. pdf.js runs its worker code
 * on this thread. Throws PdfError for encrypted, corrupt and oversized files.
 */
export async function loadPdf(
  file: string,
  bytes: Uint8Array,
  limits: PdfLimits = defaultLimits,
  options: { images?: boolean } = {},
): Promise<PDFDocumentProxy> {
  if (bytes.length > limits.maxBytes)
    throw new PdfError(file, 'too-large', `PDF 文件过大：${bytes.length} 字节，上限 ${limits.maxBytes} (PDF too large)`)
  if (!hasHeader(bytes))
    throw new PdfError(file, 'invalid', '不是 PDF 文件：前 1024 字节中没有 %PDF- 文件头 (not a PDF: no %PDF- header)')
  // pdf.js transfers (detaches) the buffer it is given; hand it a copy so the caller's bytes stay usable.
  const data = new Uint8Array(bytes)
  const task = getDocument({
    data,
    cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
    wasmUrl: join(pdfjsRoot, 'wasm') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Without images, nothing of them is decoded, which is where most of the memory of scanned pages goes.
    maxImageSize: options.images ? -1 : 1,
    verbosity: 0,
  })
  try {
    return await task.promise
  } catch (e) {
    await task.destroy().catch(() => {})
    throw pdfFailure(file, e)
  }
}

/** Map pdf.js's exceptions (matched by name: they cross the worker boundary as plain objects) to a PdfError. */
function pdfFailure(file: string, e: unknown): PdfError {
  const name = (e as { name?: unknown } | null)?.name
  const detail = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as { message: unknown }).message) : String(e)
  if (name === 'PasswordException')
    return new PdfError(file, 'encrypted', `PDF 已加密，需要密码才能打开 (encrypted PDF: ${detail})`, { cause: e })
  if (name === 'InvalidPDFException' || name === 'FormatError')
    return new PdfError(file, 'invalid', `不是有效的 PDF 文件，或文件已损坏、不完整 (invalid or truncated PDF: ${detail})`, { cause: e })
  return new PdfError(file, 'unreadable', `无法读取 PDF (unreadable PDF: ${detail})`, { cause: e })
}

import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument, type PDFDocumentProxy, type PDFWorker } from './pdfjs.ts'

/** Why a PDF could not be read at all. */
export type PdfFailure = 'encrypted' | 'invalid' | 'too-large' | 'unreadable'

/** A PDF that cannot be read: the message names the file and says why, in Chinese and English. */
export class PdfError extends Error {
  constructor(
    /** The file as given. */
    readonly file: string,
    /** What kind of failure, for callers that map it to an exit code. */
    readonly reason: PdfFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options)
    this.name = 'PdfError'
  }
}

/** Limits that keep one hostile or enormous file from taking the process down. */
export interface PdfLimits {
  /** Largest file accepted, in bytes (default 200 MB). */
  maxBytes: number
  /** Pages read; later pages are skipped with a diagnostic (default 1000). */
  maxPages: number
  /** Seconds of reading after which the remaining pages are skipped with a diagnostic (default 120). */
  maxSeconds: number
}

export const defaultLimits: PdfLimits = { maxBytes: 200 * 1024 * 1024, maxPages: 1000, maxSeconds: 120 }

/** The pdfjs-dist package folder, where its packed CMaps and standard fonts live. */
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/**
 * Open a PDF with pdf.js. Chinese 公文 fonts are often CID fonts that need the packed Adobe
 * CMaps, and unembedded base-14 fonts need the standard font data: without both, pdf.js
 * returns empty or wrong text. Images are not decoded unless `options.images` (for rendering
 * pages to OCR them). `options.worker`: the pdf.js thread to parse in. Throws PdfError for encrypted, corrupt and oversized files.
 */
export async function loadPdf(
  file: string,
  bytes: Uint8Array,
  limits: PdfLimits = defaultLimits,
  options: { images?: boolean; worker?: PDFWorker } = {},
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
    // Text only: never decode images, which is where most of the memory of scanned pages goes.
    // Rendering a page for OCR (parse/ocr) needs them: `options.images`.
    maxImageSize: options.images ? -1 : 1,
    verbosity: 0,
    // A pdf.js worker in its own thread (thread.ts); without one, pdf.js runs its worker code on this thread.
    ...(options.worker ? { worker: options.worker } : {}),
  })
  try {
    return await task.promise
  } catch (e) {
    await task.destroy().catch(() => {})
    throw pdfFailure(file, e)
  }
}

const latin1 = new TextDecoder('latin1')

/** A PDF starts with `%PDF-` within its first 1024 bytes (readers accept leading junk up to there). */
export function hasHeader(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(0, 1024)).includes('%PDF-')
}

/** A complete PDF ends with `%%EOF` (followed at most by junk); a download cut short does not. */
export function hasEof(bytes: Uint8Array): boolean {
  return latin1.decode(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF')
}

/** Map pdf.js's exceptions (matched by name: they cross the worker boundary as plain objects) to a PdfError. */
export function pdfFailure(file: string, e: unknown): PdfError {
  const name = (e as { name?: unknown } | null)?.name
  const detail = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? String((e as { message: unknown }).message) : String(e)
  if (name === 'PasswordException')
    return new PdfError(file, 'encrypted', `PDF 已加密，需要密码才能打开 (encrypted PDF: ${detail})`, { cause: e })
  if (name === 'InvalidPDFException' || name === 'FormatError')
    return new PdfError(file, 'invalid', `不是有效的 PDF 文件，或文件已损坏、不完整 (invalid or truncated PDF: ${detail})`, { cause: e })
  return new PdfError(file, 'unreadable', `无法读取 PDF (unreadable PDF: ${detail})`, { cause: e })
}

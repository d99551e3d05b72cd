import type { Diagnostic, Disclosure } from '../model/index.ts'
import { decode, NotTextError } from './decode.ts'
import { textLayout, type Layout } from './layout.ts'
import { readDisclosure } from './disclosure.ts'

export { toFacts } from './facts.ts'
export type { Layout, LayoutLine, LayoutCell } from './layout.ts'
export { readDisclosure } from './disclosure.ts'

/** The result of parsing one file: the model (absent when the file is unusable) and what was found wrong with the input. */
export interface ParseResult {
  disclosure?: Disclosure
  diagnostics: Diagnostic[]
}

/** An input that cannot be read as a disclosure at all. */
export class ParseError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
  }
}

/** Which reader a file needs, from its first bytes (and its name for text). */
export function sniff(bytes: Uint8Array): 'pdf' | 'image' | 'zip' | 'ole' | 'text' {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.length)).toString('latin1')
  if (head.startsWith('%PDF-')) return 'pdf'
  if (head.startsWith('\x89PNG') || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)) return 'image'
  if (head.startsWith('PK\u0003\u0004')) return 'zip'
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole'
  return 'text'
}

/**
 * Parse one document. Text (plain, Markdown, tab-separated) in any of the usual encodings is
 * read here; other formats get their own readers that produce the same layout.
 * Throws ParseError for a file that is not a usable disclosure.
 */
export function parseText(file: string, bytes: Uint8Array): ParseResult {
  if (bytes.length === 0) throw new ParseError(file, '文件为空 (empty file)')
  const kind = sniff(bytes)
  if (kind !== 'text') throw new ParseError(file, `${kind.toUpperCase()} 格式需要对应的读取器 (this format is not plain text)`)
  let text: string
  try {
    text = decode(bytes).text
  } catch (e) {
    if (e instanceof NotTextError) throw new ParseError(file, `不是文本文件：${e.message}`)
    throw e
  }
  return parseLayout(textLayout(file, text))
}

/**
 * Parse one document of any supported format: PDF (scanned pages OCR'd), PNG/JPEG page images, DOCX, XLSX, HTML or text (plain, Markdown,
 * tab-separated). The format is decided by the bytes, not the file name. Throws ParseError for
 * an unusable file, with a message naming the file and the problem.
 */
export async function parseFile(file: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.length === 0) throw new ParseError(file, '文件为空 (empty file)')
  const kind = sniff(bytes)
  if (kind === 'pdf') {
    // Loaded on demand: pdf.js is large and text parsing should not pay for it. Pages without a
    // usable text layer are OCR'd; a PDF with text on every page costs no more than readPdf.
    const { PdfError } = await import('./pdf/index.ts')
    const { readPdfOcr, withCorrections } = await import('./ocr/index.ts')
    const read = await reading(file, PdfError, () => readPdfOcr(file, bytes))
    // OCR'd numbers are checked by the tables' sums once the tables are read (cells with no OCR confidence are never changed).
    return withCorrections(fromReader(read, read.pagesRead < read.pages))
  }
  if (kind === 'image') {
    // Only an image pays for loading the OCR reader.
    const { readImage, ImageError, withCorrections } = await import('./ocr/index.ts')
    return withCorrections(fromReader(await reading(file, ImageError, () => readImage(file, bytes)), false))
  }
  // DOCX, XLSX (by their parts), legacy/encrypted OLE files and web pages; anything else is text.
  const { readOffice, OfficeError } = await import('./office/index.ts')
  const office = await reading(file, OfficeError, () => readOffice(file, bytes))
  // An office reader marks `partial` when a size or depth limit, or a missing sheet, left content out.
  return office ? fromReader(office, office.partial) : parseText(file, bytes)
}

/** Run a reader; its own error for an unusable file becomes a ParseError naming the file. */
async function reading<T>(file: string, readerError: new (...args: never[]) => Error, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (e) {
    if (e instanceof readerError) throw new ParseError(file, e.message.replace(`${file}: `, ''))
    throw e
  }
}

/** The model of a reader's layout, the reader's own diagnostics first; `partial` when the reader left content out. */
function fromReader(read: { layout: Layout; diagnostics: Diagnostic[] }, partial: boolean): ParseResult {
  const result = parseLayout(read.layout)
  result.diagnostics.unshift(...read.diagnostics)
  if (partial && result.disclosure) result.disclosure.partial = true
  return result
}

/**
 * Parse a layout from any reader into the canonical model. Its lines' text must be normalised
 * (`normalizeLine`): the readers look for half-width marks and plain spaces only.
 */
export function parseLayout(layout: Layout): ParseResult {
  const diagnostics: Diagnostic[] = []
  const disclosure = readDisclosure(layout, diagnostics)
  if (!disclosure) throw new ParseError(layout.file, diagnostics.find((d) => d.fatal)?.message ?? '不是部门预算公开文件')
  return { disclosure, diagnostics }
}

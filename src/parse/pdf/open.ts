import { PdfError } from './error.ts'
import type { PdfLimits } from './limits.ts'
import { hasHeader } from './markers.ts'
import type { PdfThread } from './thread.ts'

/** PDFium's FPDF_ERR_* codes for a document it cannot open. */
const FILE = 2
const FORMAT = 3
const PASSWORD = 4

/**
 * Open a PDF in the PDFium thread: its id there and its page count. Throws PdfError naming the
 * file when it is too large, has no `%PDF-` header, is encrypted with a user password, or is
 * corrupt beyond PDFium's repair (it rebuilds a broken cross-reference table from the objects).
 * Chinese fonts without a ToUnicode map are decoded by PDFium's built-in Adobe CMaps.
 */
export async function openPdf(file: string, bytes: Uint8Array, limits: PdfLimits, thread: PdfThread): Promise<{ id: number; pages: number }> {
  if (bytes.length > limits.maxBytes)
    throw new PdfError(file, 'too-large', `PDF 文件过大：${bytes.length} 字节，上限 ${limits.maxBytes} (PDF too large)`)
  if (!hasHeader(bytes))
    throw new PdfError(file, 'invalid', '不是 PDF 文件：前 1024 字节中没有 %PDF- 文件头 (not a PDF: no %PDF- header)')
  const opened = await thread.open(bytes)
  if (!('error' in opened)) return opened
  if (opened.error === PASSWORD) throw new PdfError(file, 'encrypted', 'PDF 已加密，需要密码才能打开 (encrypted PDF: a user password is needed)')
  if (opened.error === FILE || opened.error === FORMAT)
    throw new PdfError(file, 'invalid', `不是有效的 PDF 文件，或文件已损坏、不完整 (invalid or truncated PDF: PDFium error ${opened.error})`)
  throw new PdfError(file, 'unreadable', `无法读取 PDF (unreadable PDF: PDFium error ${opened.error})`)
}

import { readDocx } from '../docx/index.ts'
import { readHtml } from '../html/index.ts'
import { readXlsx, type XlsxLimits } from '../xlsx/index.ts'
import { OfficeError } from './error.ts'
import type { OfficeRead } from './read.ts'
import { isOle, openZip } from './zip.ts'

export { OfficeError, type OfficeProblem } from './error.ts'
export type { OfficeRead } from './read.ts'
export { defaultZipLimits, type ZipLimits } from './zip.ts'
export { readDocx } from '../docx/index.ts'
export { readXlsx, defaultXlsxLimits, type XlsxLimits } from '../xlsx/index.ts'
export { readHtml } from '../html/index.ts'

/** The office format of some bytes, from their content alone. */
export type OfficeKind = 'docx' | 'xlsx' | 'html' | 'ole' | 'zip'

/**
 * Which office reader bytes need: `docx`/`xlsx` for OOXML packages (by their parts, not their
 * name), `ole` for compound files (encrypted OOXML, legacy .doc/.xls), `zip` for another ZIP,
 * `html` for a web page (by its start, or by an .htm/.html name), undefined for anything else
 * (text, PDF). Throws OfficeError for a ZIP
 * whose directory is unreadable or beyond the limits.
 */
export function officeKind(file: string, bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): OfficeKind | undefined {
  if (isOle(bytes)) return 'ole'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const zip = openZip(file, bytes, 'DOCX', limits)
    if (zip.has('word/document.xml')) return 'docx'
    if (zip.has('xl/workbook.xml')) return 'xlsx'
    // Producers may name the main part otherwise; the package relationships say which it is.
    const rels = zip.text('_rels/.rels') ?? ''
    const main = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels)
    const target = main?.[1] ?? main?.[2] ?? ''
    if (target.startsWith('word/')) return 'docx'
    if (target.startsWith('xl/')) return 'xlsx'
    return 'zip'
  }
  // A fragment saved as .html (a bare <table>, no doctype) is still a page.
  return looksLikeHtml(bytes) || /\.(?:x?html?|shtml)$/i.test(file) ? 'html' : undefined
}

/** A web page starts (after a BOM, blanks and comments) with a doctype, `<html>`, `<head>` or `<meta>`, possibly after an XML declaration. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 2048)
  let text: string
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head.subarray(2))
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head.subarray(2))
  else text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '')
  text = text.replace(/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*/, '')
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|meta[\s>]|body[\s>])/i.test(text)
}

/**
 * Read an office document of any kind into a layout: DOCX, XLSX, HTML. Returns undefined for
 * bytes that are not an office document (text, PDF). Throws OfficeError naming the file for an
 * unusable one: an encrypted or legacy OLE file, a ZIP that is neither DOCX nor XLSX, or the
 * reader's own errors (corrupt, truncated, zip bomb, …).
 */
export function readOffice(file: string, bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): OfficeRead | undefined {
  const kind = officeKind(file, bytes, limits)
  switch (kind) {
    case 'docx':
      return readDocx(file, bytes, limits)
    case 'xlsx':
      return readXlsx(file, bytes, limits)
    case 'html':
      return readHtml(file, bytes)
    case 'ole': {
      // openZip explains an OLE file: encrypted, or legacy Word or Excel by its streams.
      // Streams name the kind; when they do not (a damaged directory), the file name may.
      const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      const isWord = buf.indexOf(Buffer.from('WordDocument', 'utf16le')) >= 0
      const isExcel = !isWord && (buf.indexOf(Buffer.from('Workbook', 'utf16le')) >= 0 || /\.(?:xls[xmb]?|et)$/i.test(file))
      openZip(file, bytes, isExcel ? 'XLSX' : 'DOCX', limits)
      throw new OfficeError(file, 'legacy', 'OLE 复合文档 (OLE compound file)')
    }
    case 'zip':
      throw new OfficeError(file, 'not-office', '是 ZIP 文件，但不是 DOCX 或 XLSX (a ZIP file that is neither DOCX nor XLSX)')
    default:
      return undefined
  }
}

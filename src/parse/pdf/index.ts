import type { Diagnostic } from '../../model/index.ts'
import type { UnruledTable } from './columns.ts'
import { drawsBeyondRules } from './drawing.ts'
import { PdfError } from './error.ts'
import { pageWords, uprightTurn } from './glyphs.ts'
import { findGrids } from './grid.ts'
import { pageLines, type PdfLine } from './layout.ts'
import { defaultLimits, type PdfLimits } from './limits.ts'
import { pageRows, proseOnly } from './lines.ts'
import { hasEof } from './markers.ts'
import { openPdf } from './open.ts'
import { pageRules } from './ruling.ts'
import { pdfThread, type PdfThread } from './thread.ts'
import { viewport } from './viewport.ts'

export { PdfError, type PdfFailure } from './error.ts'
export { defaultLimits, type PdfLimits } from './limits.ts'
export type { PdfCell, PdfLine } from './layout.ts'

/** The layout of a PDF: a `Layout` whose lines and cells all carry a page and a box. */
export interface PdfLayout {
  file: string
  lines: PdfLine[]
}

/** What reading a PDF gives: its layout and what was wrong with some of its pages. */
export interface PdfRead {
  layout: PdfLayout
  diagnostics: Diagnostic[]
  /** Pages in the file, and pages read. */
  pages: number
  pagesRead: number
  /** What each page read paints besides text, by page number: whether it may need OCR (parse/ocr). */
  ink: Map<number, PageInk>
}

/** What a page paints besides text. */
export interface PageInk {
  /** An image (a scanned page is one, or a few strips). */
  images: boolean
  /** Paths other than rules and rectangles: text drawn as outlines, a figure (drawing.ts). */
  drawings: boolean
}

/** A page counts as undecodable when more than this share of its glyphs has no Unicode value. */
const UNMAPPED_SHARE = 0.5
/** ...and it has at least this many glyphs (a page number alone proves nothing). */
const UNMAPPED_MIN = 10

/**
 * Read a PDF with a text layer into the layout every reader produces: one line per table row or
 * text line, in reading order, numbered across pages, each cell with its page and box (PDF points,
 * top-left origin). Pages that cannot be decoded (mostly unmapped glyphs, no text layer, a broken
 * page object) become diagnostics, not garbage text; pages beyond `limits.maxPages` are skipped
 * with a diagnostic. Throws PdfError naming the file when the PDF is encrypted, corrupt,
 * truncated beyond repair or too large.
 */
export async function readPdf(file: string, bytes: Uint8Array, limits: Partial<PdfLimits> = {}): Promise<PdfRead> {
  const lim = { ...defaultLimits, ...limits }
  // PDFium parses in its own thread: a page that never finishes is given up at the deadline and
  // the thread terminated, and a thread that dies ends this document only (thread.ts).
  const thread = pdfThread()
  thread.busy(true)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimit()), lim.maxSeconds * 1000)
  })
  timeout.catch(() => {})
  const guard = <T>(p: Promise<T>): Promise<T> => Promise.race([p, thread.failed, timeout])
  try {
    return await read(file, bytes, lim, thread, guard)
  } catch (e) {
    if (e instanceof PdfError) throw e
    thread.terminate()
    if (e instanceof TimeLimit)
      throw new PdfError(file, 'unreadable', `打开 PDF 超过 ${lim.maxSeconds} 秒 (time limit of ${lim.maxSeconds} s reached while opening)`)
    throw new PdfError(file, 'unreadable', `PDF 解析线程异常终止 (the PDFium thread died: ${(e as Error).message})`, { cause: e })
  } finally {
    clearTimeout(timer)
    thread.busy(false)
  }
}

/** The time limit ran out inside a PDFium call. */
class TimeLimit extends Error {}

async function read(
  file: string,
  bytes: Uint8Array,
  lim: PdfLimits,
  thread: PdfThread,
  guard: <T>(p: Promise<T>) => Promise<T>,
): Promise<PdfRead> {
  const doc = await guard(openPdf(file, bytes, lim, thread))
  const diagnostics: Diagnostic[] = []
  const lines: PdfLine[] = []
  const ink = new Map<number, PageInk>()
  const pages = doc.pages
  let pagesRead = Math.min(pages, lim.maxPages)
  const deadline = performance.now() + lim.maxSeconds * 1000
  let failed = 0
  // Columns of a table without rules that ran to the foot of the last page read.
  let carry: UnruledTable | undefined
  let lastError: unknown
  // Set when the thread had to go: the document cannot be read further.
  let stopped = false
  if (!hasEof(bytes))
    diagnostics.push({
      ruleId: 'parse/pdf-truncated',
      severity: 'warning',
      message: '文件末尾缺少 %%EOF，可能下载不完整；已读取能恢复的内容 (no %%EOF at the end: the file may be truncated)',
    })
  try {
    if (pages > lim.maxPages)
      diagnostics.push({
        ruleId: 'parse/pdf-page-limit',
        severity: 'warning',
        message: `PDF 共 ${pages} 页，只读取前 ${lim.maxPages} 页 (only the first ${lim.maxPages} of ${pages} pages were read)`,
        actual: String(pages),
        expected: `≤ ${lim.maxPages}`,
      })
    for (let n = 1; n <= pagesRead; n++) {
      const at = { file, start: { line: lines.length + 1, column: 1 }, page: n }
      if (performance.now() > deadline) {
        diagnostics.push({
          ruleId: 'parse/pdf-time-limit',
          severity: 'warning',
          message: `读取超过 ${lim.maxSeconds} 秒，第 ${n} 页起未读取 (time limit of ${lim.maxSeconds} s reached; pages from ${n} on were skipped)`,
          place: at,
        })
        pagesRead = n - 1
        break
      }
      const carried = carry
      carry = undefined
      try {
        const page = await guard(thread.page(doc.id, n))
        ink.set(n, { images: page.images > 0, drawings: drawsBeyondRules(page.paths) })
        let view = viewport(page.media, page.crop, page.rotate)
        // Text drawn turned on a page without /Rotate is read as the page turned upright; boxes
        // are then in that upright view.
        const turn = uprightTurn(page.chars, view.transform)
        if (turn) view = viewport(page.media, page.crop, page.rotate + turn)
        const glyphs = pageWords(page.chars, view.transform)
        if (glyphs.glyphs >= UNMAPPED_MIN && glyphs.unmapped > UNMAPPED_SHARE * glyphs.glyphs) {
          diagnostics.push({
            ruleId: 'parse/pdf-unmapped-glyphs',
            severity: 'error',
            message: `第 ${n} 页有 ${glyphs.unmapped}/${glyphs.glyphs} 个字形无法映射为文字（字体缺少 ToUnicode），该页未读取 (page ${n}: most glyphs have no Unicode mapping; page skipped)`,
            place: at,
            actual: String(glyphs.unmapped),
          })
          continue
        }
        if (glyphs.glyphs === 0) {
          diagnostics.push({
            ruleId: 'parse/pdf-no-text',
            severity: 'warning',
            message: `第 ${n} 页没有文本层（可能是扫描图像），需要 OCR (page ${n} has no text layer)`,
            place: at,
          })
          continue
        }
        if (glyphs.unmapped > 0)
          diagnostics.push({
            ruleId: 'parse/pdf-unmapped-glyphs',
            severity: 'warning',
            message: `第 ${n} 页有 ${glyphs.unmapped}/${glyphs.glyphs} 个字形无法映射为文字 (page ${n}: some glyphs have no Unicode mapping)`,
            place: at,
            actual: String(glyphs.unmapped),
          })
        const grids = proseOnly(glyphs.words, view.width) ? [] : findGrids(pageRules(page.paths, view.transform))
        const page_ = pageRows(glyphs.words, grids, carried)
        carry = page_.carry
        lines.push(...pageLines(file, n, page_.rows, lines.length + 1))
      } catch (e) {
        if (e instanceof TimeLimit) {
          diagnostics.push({
            ruleId: 'parse/pdf-time-limit',
            severity: 'warning',
            message: `读取超过 ${lim.maxSeconds} 秒，第 ${n} 页起未读取 (time limit of ${lim.maxSeconds} s reached in page ${n}; it and later pages were skipped)`,
            place: at,
          })
          pagesRead = n - 1
          stopped = true
          thread.terminate()
          break
        }
        failed++
        lastError = e
        if (thread.dead) {
          // The thread is gone: later pages cannot be read either.
          pagesRead = n
          stopped = true
        }
        diagnostics.push({
          ruleId: 'parse/pdf-page-unreadable',
          severity: 'error',
          message: `第 ${n} 页无法读取 (page ${n} unreadable: ${(e as Error)?.message ?? String(e)})`,
          place: at,
        })
        if (stopped) break
      }
    }
  } finally {
    if (!stopped) await guard(thread.close(doc.id)).catch(() => {})
  }
  if (pagesRead > 0 && failed === pagesRead)
    throw new PdfError(file, 'unreadable', `无法读取 PDF (unreadable PDF: ${(lastError as Error)?.message ?? String(lastError)})`, { cause: lastError })
  return { layout: { file, lines }, diagnostics, pages, pagesRead, ink }
}

import { createRequire } from 'node:module'
import type * as Parse5 from 'parse5'
import type { DefaultTreeAdapterTypes } from 'parse5'
import type { Diagnostic, Place } from '../../model/index.ts'
import type { LayoutLine } from '../layout.ts'
import { normalizeLine } from '../normalize.ts'
import { OfficeError } from '../office/error.ts'
import { tableLines, type GridSlot } from '../office/grid.ts'
import { isPartial, type OfficeRead } from '../office/read.ts'
import { decodeHtml, NotTextError } from './decode-html.ts'

export { OfficeError, type OfficeProblem } from '../office/error.ts'
export type { OfficeRead } from '../office/read.ts'
export { decodeHtml, declaredCharset, type DecodedHtml } from './decode-html.ts'

/** parse5 is loaded on first use: readOffice looks at every input, and text input should not pay for an HTML parser. */
let parse5: typeof Parse5 | undefined
const loadParse5 = (): typeof Parse5 => (parse5 ??= createRequire(import.meta.url)('parse5') as typeof Parse5)

type Node = DefaultTreeAdapterTypes.Node
type Element = DefaultTreeAdapterTypes.Element

/** Elements whose content is never shown as page text. */
const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'select', 'textarea', 'button', 'canvas', 'audio', 'video', 'map'])
/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
  'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'table', 'legend', 'option',
])

/**
 * Read an HTML page into the layout every reader produces: text in blocks (paragraphs, headings,
 * divs, line breaks) becomes plain lines; each row of a data table becomes one tab-joined line
 * with every grid column present, `rowspan`/`colspan` resolved as browsers lay them out (a
 * spanning cell's text in its first row and column, empty cells for the rest). Tables that only
 * lay out the page (a cell holding another table) are read as blocks. Each cell's place is the
 * line and column of its element in the HTML source (start tag to end tag); each text line's
 * place is that of its first text. The page is decoded by BOM, declared charset (GB2312/GBK as
 * GB18030) or sniffing.
 * Throws OfficeError naming the file for an empty or binary file.
 */
export function readHtml(file: string, bytes: Uint8Array): OfficeRead {
  if (bytes.length === 0) throw new OfficeError(file, 'empty', '文件为空 (empty file)')
  if (bytes.length > MAX_BYTES)
    throw new OfficeError(file, 'too-large', `网页 ${Math.round(bytes.length / 1024 / 1024)} MB，超过上限 ${MAX_BYTES / 1024 / 1024} MB (page beyond ${MAX_BYTES / 1024 / 1024} MB)`)
  let text: string
  try {
    text = decodeHtml(bytes).text
  } catch (e) {
    if (e instanceof NotTextError) throw new OfficeError(file, 'not-office', `不是 HTML 文件：${e.message}`)
    throw e
  }
  const depth = nestingDepth(text)
  if (depth > MAX_PARSE_DEPTH)
    throw new OfficeError(file, 'too-large', `网页元素嵌套约 ${depth} 层，超过上限 ${MAX_PARSE_DEPTH}，不予读取 (elements nested about ${depth} deep, beyond ${MAX_PARSE_DEPTH})`)
  const doc = loadParse5().parse(text, { sourceCodeLocationInfo: true })
  const diagnostics: Diagnostic[] = []
  const lines: LayoutLine[] = []
  const sourcePlace = (loc: { startLine: number; startCol: number; startOffset: number; endLine: number; endCol: number; endOffset: number } | null | undefined): Place | undefined =>
    loc
      ? {
          file,
          start: { line: loc.startLine, column: loc.startCol, offset: loc.startOffset },
          end: { line: loc.endLine, column: loc.endCol, offset: loc.endOffset },
        }
      : undefined
  const fallback = (line: number, start: number, end: number): Place => ({ file, start: { line, column: start + 1 }, end: { line, column: end + 1 } })

  // The line being gathered from inline text, and where its first text is in the source.
  let buf = ''
  let bufPlace: Place | undefined
  // Text of the line that sits inside in-page links (`<a href="#…">`): a line made only of them is
  // a table of contents for navigation (LibreOffice's sheet overview, a page's 目录 of anchors),
  // and its titles would open empty tables ahead of the real ones.
  let navChars = 0
  let inNav = 0
  const flush = () => {
    const norm = normalizeLine(buf)
    const trimmed = norm.trim()
    const nav = navChars > 0 && navChars === trimmed.replace(/\s+/g, '').length
    navChars = 0
    if (trimmed && !nav) {
      const line = lines.length + 1
      lines.push({ line, text: trimmed, place: bufPlace ?? fallback(line, 0, trimmed.length) })
    }
    buf = ''
    bufPlace = undefined
  }

  let tooDeep = false
  let tooLarge = false
  const walk = (node: Node, pre: boolean, depth: number) => {
    if (depth > MAX_DEPTH) {
      tooDeep = true
      return
    }
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterTypes.TextNode).value
      const loc = (node as DefaultTreeAdapterTypes.TextNode).sourceCodeLocation
      if (pre) {
        const parts = value.split(/\r\n|\r|\n/)
        parts.forEach((part, i) => {
          if (i > 0) flush()
          if (!buf.trim() && part.trim()) bufPlace = sourcePlace(loc)
          buf += part.replace(/\t/g, ' ')
        })
        return
      }
      const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ')
      if (inNav > 0) navChars += normalizeLine(collapsed).replace(/\s+/g, '').length
      if (!buf.trim() && collapsed.trim()) bufPlace = sourcePlace(loc)
      if (!(collapsed === ' ' && (buf === '' || buf.endsWith(' ')))) buf += collapsed
      return
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const c of node.childNodes) walk(c, pre, depth + 1)
      return
    }
    const el = node as Element
    if (SKIP.has(el.tagName) || hidden(el)) return
    if (el.tagName === 'br') return flush()
    if (el.tagName === 'table' && !isLayoutTable(el, depth)) {
      flush()
      readTable(el, depth)
      return
    }
    const block = BLOCK.has(el.tagName)
    if (block) flush()
    const nav = el.tagName === 'a' && el.attrs.some((a) => a.name === 'href' && a.value.startsWith('#'))
    if (nav) inNav++
    for (const c of el.childNodes) walk(c, pre || el.tagName === 'pre' || el.tagName === 'listing', depth + 1)
    if (nav) inNav--
    if (block) flush()
  }

  /** A data table: its caption as a line, then its rows as a grid. */
  const readTable = (table: Element, depth: number) => {
    for (const c of table.childNodes) if ('tagName' in c && c.tagName === 'caption') walk(c, false, depth + 1)
    flush()
    const rows = ownRows(table)
    // The HTML table model (WHATWG 4.9.12.1): each cell takes the first free slot of its row.
    const grid: (GridSlot | undefined)[][] = rows.map(() => [])
    // Spans multiply: the slots of one table are bounded, and so are its columns.
    let used = 0
    rows.forEach((tr, r) => {
      let c = 0
      for (const cell of tr.childNodes) {
        // A hidden cell takes no slot: browsers lay out the row without it.
        if (!('tagName' in cell) || (cell.tagName !== 'td' && cell.tagName !== 'th') || hidden(cell)) continue
        while (grid[r]![c] !== undefined) c++
        if (c >= MAX_COLUMNS || used >= MAX_SLOTS) {
          tooLarge = true
          break
        }
        const colspan = clamp(attr(cell, 'colspan'), 1, MAX_COLUMNS - c)
        const rowspanRaw = attr(cell, 'rowspan')
        let rowspan = rowspanRaw === 0 ? rows.length - r : clamp(rowspanRaw, 1, rows.length - r)
        if (used + colspan * rowspan > MAX_SLOTS) {
          tooLarge = true
          rowspan = 1
        }
        used += colspan * rowspan
        const at = sourcePlace(cell.sourceCodeLocation)
        const place = at ? () => at : fallback
        for (let dr = 0; dr < rowspan; dr++) {
          for (let dc = 0; dc < colspan; dc++) {
            grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? { text: cellText(cell), colSpan: colspan, rowSpan: rowspan, place } : { text: '', colSpan: 1, place, covered: true }
          }
        }
        c += colspan
      }
    })
    const width = grid.reduce((w, g) => Math.max(w, g.length), 0)
    const maxRows = Math.floor(MAX_SLOTS / Math.max(width, 1))
    if (grid.length > maxRows) {
      tooLarge = true
      grid.length = maxRows
    }
    const slots = grid.map((g, r) => {
      const at = sourcePlace(rows[r]!.sourceCodeLocation)
      const place = at ? () => at : fallback
      return Array.from({ length: width }, (_, i): GridSlot => g[i] ?? { text: '', colSpan: 1, place })
    })
    for (const l of tableLines(slots, lines.length + 1)) lines.push(l)
  }

  walk(doc, false, 0)
  flush()
  if (tooDeep)
    diagnostics.push({ ruleId: 'parse/html-too-deep', severity: 'warning', message: `网页元素嵌套超过 ${MAX_DEPTH} 层，更深的内容未读取 (content nested deeper than ${MAX_DEPTH} levels skipped)` })
  if (tooLarge)
    diagnostics.push({ ruleId: 'parse/html-table-limit', severity: 'warning', message: `表格超过 ${MAX_COLUMNS} 列或 ${MAX_SLOTS} 个单元格，多出的部分未读取 (table beyond the size limit: the rest skipped)` })
  return { layout: { file, lines }, diagnostics, partial: isPartial(diagnostics) }
}

/** A disclosure page is well under 5 MB; the HTML tree takes about ten times the page in memory. */
const MAX_BYTES = 64 * 1024 * 1024
/** Elements nested deeper than this are not read (the walks are recursive; no real page nests so deep). */
const MAX_DEPTH = 256
/** Columns of one table read at most. */
const MAX_COLUMNS = 512
/** Slots (rows × columns, spans included) of one table read at most. */
const MAX_SLOTS = 1_000_000

/**
 * Pages nesting deeper than this are refused before parsing: the HTML tree builder searches its
 * stack of open elements at every end tag, so time grows with depth × tags (20,000 nested divs
 * took 3.6 s, 100,000 took minutes). Real pages nest a few dozen levels.
 */
const MAX_PARSE_DEPTH = 1000
/** Void elements and elements whose end tag may be omitted do not count towards the estimate. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'colgroup', 'caption', 'html', 'head', 'body',
])

/** An estimate of the deepest element nesting from the tags alone, in one linear pass. */
export function nestingDepth(html: string): number {
  let depth = 0
  let max = 0
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase()
    if (NO_DEPTH.has(name) || m[3]) continue
    if (m[1]) depth = Math.max(0, depth - 1)
    else if (++depth > max) max = depth
  }
  return max
}

const attr = (el: Element, name: string): number => {
  const v = el.attrs.find((a) => a.name === name)?.value
  const n = v === undefined ? 1 : Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : 1
}
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n))

function hidden(el: Element): boolean {
  return el.attrs.some((a) => a.name === 'hidden' || (a.name === 'style' && /display\s*:\s*none/i.test(a.value)))
}

/** A table used for page layout: one of its own cells holds another table. */
function isLayoutTable(table: Element, depth: number): boolean {
  const hasTable = (n: Node, d: number): boolean =>
    d <= MAX_DEPTH && 'childNodes' in n && n.childNodes.some((c) => ('tagName' in c && c.tagName === 'table') || hasTable(c, d + 1))
  for (const row of ownRows(table)) for (const cell of row.childNodes) if ('tagName' in cell && (cell.tagName === 'td' || cell.tagName === 'th') && hasTable(cell, depth + 3)) return true
  return false
}

function ownRows(table: Element): Element[] {
  const rows: Element[] = []
  for (const c of table.childNodes) {
    if (!('tagName' in c)) continue
    if (c.tagName === 'tr') rows.push(c)
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') for (const r of c.childNodes) if ('tagName' in r && r.tagName === 'tr') rows.push(r)
  }
  return rows.filter((r) => !hidden(r))
}

/** A cell's text as one line: blocks and line breaks inside it become spaces. */
function cellText(cell: Element): string {
  let s = ''
  const walk = (n: Node, depth: number) => {
    if (depth > MAX_DEPTH) return
    if (n.nodeName === '#text') s += (n as DefaultTreeAdapterTypes.TextNode).value
    else if ('tagName' in n) {
      const el = n as Element
      if (SKIP.has(el.tagName) || hidden(el)) return
      if (el.tagName === 'br' || BLOCK.has(el.tagName)) s += ' '
      for (const c of el.childNodes) walk(c, depth + 1)
      if (BLOCK.has(el.tagName)) s += ' '
    }
  }
  for (const c of cell.childNodes) walk(c, 0)
  return s.replace(/[ \t\n\r\f]+/g, ' ').trim()
}

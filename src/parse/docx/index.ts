import type { Diagnostic } from '../../model/index.ts'
import type { LayoutLine } from '../layout.ts'
import { OfficeError } from '../office/error.ts'
import { layoutPlace, paragraphLine, tableLines, type GridSlot } from '../office/grid.ts'
import { isPartial, type OfficeRead } from '../office/read.ts'
import { child, elements, MAX_DEPTH, ownText, parseXml, path, type XmlElement } from '../office/xml.ts'
import { openZip, type ZipLimits } from '../office/zip.ts'
import { readNumbering, type Numbering } from './numbering.ts'

export { OfficeError, type OfficeProblem } from '../office/error.ts'
export type { OfficeRead } from '../office/read.ts'
export { defaultZipLimits, type ZipLimits } from '../office/zip.ts'

/**
 * Read a DOCX into the layout every reader produces: body paragraphs become plain lines (a soft
 * or page break inside a paragraph starts a new line), and each table row becomes one line of
 * tab-joined cells, every grid column present. A cell merged across columns (`w:gridSpan`) keeps
 * its text in its first column with empty cells after it; a cell merged down (`w:vMerge`) keeps
 * its text in its first row. Places are line and column in the extracted text; DOCX has no
 * stored page layout, so no page is given (none is invented).
 * Throws OfficeError naming the file when it is not a readable DOCX (empty, encrypted, legacy
 * .doc, corrupt, truncated, a zip bomb).
 */
export function readDocx(file: string, bytes: Uint8Array, limits: Partial<ZipLimits> = {}): OfficeRead {
  const zip = openZip(file, bytes, 'DOCX', limits)
  const target = mainPart(zip.text('_rels/.rels')) ?? 'word/document.xml'
  const xml = zip.text(target)
  if (xml === undefined) {
    const what = zip.has('xl/workbook.xml') ? '这是 XLSX 文件 (this is an XLSX file)' : `缺少 ${target} (no ${target})`
    throw new OfficeError(file, 'not-office', `不是 DOCX 文件：${what}`)
  }
  const root = parseXml(xml)
  if (child(root, 'workbook')) throw new OfficeError(file, 'not-office', '不是 DOCX 文件：这是 XLSX 文件 (this is an XLSX file)')
  const body = path(root, 'document', 'body')
  if (!body) throw new OfficeError(file, 'corrupt', `文件已损坏：${target} 没有 w:body (no document body)`)
  const diagnostics: Diagnostic[] = []
  if (root.tooDeep)
    diagnostics.push({ ruleId: 'parse/docx-too-deep', severity: 'warning', message: `文档元素嵌套超过 ${MAX_DEPTH} 层，更深的内容未读取 (content nested deeper than ${MAX_DEPTH} levels skipped)` })
  const dir = target.includes('/') ? target.slice(0, target.lastIndexOf('/') + 1) : ''
  const rels = partRels(zip.text(`${dir}_rels/${target.slice(dir.length)}.rels`), dir)
  const numbering = readNumbering(zip.text(rels.get('numbering') ?? `${dir}numbering.xml`), zip.text(rels.get('styles') ?? `${dir}styles.xml`))
  const lines: LayoutLine[] = []
  const place = layoutPlace(file)
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'p') {
        for (const text of paragraphTexts(c, numbering)) lines.push(paragraphLine(text, lines.length + 1, place))
        // Text boxes anchored in the paragraph (cover titles are often set in one) follow it.
        for (const box of textBoxes(c)) walk(box)
      } else if (c.name === 'tbl' && holdsTable(c)) {
        // A table whose cells hold tables only lays out the page: its cells are read as body content.
        for (const tr of ownRows(c)) for (const tc of ownCells(tr)) walk(tc)
      } else if (c.name === 'tbl') {
        for (const l of tableLines(tableGrid(c, place, diagnostics, numbering), lines.length + 1)) lines.push(l)
      } else if (CONTAINERS.has(c.name)) {
        walk(c.name === 'sdt' ? (child(c, 'sdtContent') ?? c) : c)
      }
    }
  }
  walk(body)
  return { layout: { file, lines }, diagnostics, partial: isPartial(diagnostics) }
}

/** Elements whose children are body content (content controls, custom XML, tracked insertions). */
const CONTAINERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo', 'smartTag'])
/** Run content never shown as text: deleted text, field codes, drawings (charts, text boxes), footnote marks. */
const SKIP = new Set(['del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'drawing', 'pict', 'object', 'AlternateContent', 'rPr', 'pPr', 'footnoteReference', 'endnoteReference', 'commentReference'])

/** The officeDocument target of the package relationships. */
function mainPart(rels: string | undefined): string | undefined {
  if (!rels) return undefined
  for (const r of elements(child(parseXml(rels), 'Relationships') ?? { name: '', attrs: {}, children: [] }, 'Relationship')) {
    if (r.attrs.Type?.endsWith('/officeDocument') && r.attrs.Target) return r.attrs.Target.replace(/^\//, '')
  }
  return undefined
}

/**
 * The contents of the text boxes anchored in a paragraph. Word writes each box twice, as DrawingML
 * in `mc:Choice` and as VML in `mc:Fallback`; only the first is read.
 */
function textBoxes(p: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  const find = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'txbxContent') out.push(c)
      else if (c.name !== 'Fallback') find(c)
    }
  }
  find(p)
  return out
}

/** The relationship targets of a part by type (`styles`, `numbering`), resolved against its folder. */
function partRels(xml: string | undefined, dir: string): Map<string, string> {
  const out = new Map<string, string>()
  if (!xml) return out
  for (const r of elements(child(parseXml(xml), 'Relationships') ?? { name: '', attrs: {}, children: [] }, 'Relationship')) {
    const type = r.attrs.Type?.slice(r.attrs.Type.lastIndexOf('/') + 1)
    const t = r.attrs.Target
    if (type && t && r.attrs.TargetMode !== 'External') out.set(type, t.startsWith('/') ? t.slice(1) : dir + t)
  }
  return out
}

/** The texts of a paragraph, its list number first: one per visual line (soft breaks and page breaks split it). */
function paragraphTexts(p: XmlElement, numbering: Numbering): string[] {
  const out = [numbering.label(p)]
  const add = (s: string) => (out[out.length - 1] += s)
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue
      if (SKIP.has(c.name)) continue
      switch (c.name) {
        case 't':
          add(ownText(c))
          break
        case 'tab':
        case 'ptab':
          add('\t')
          break
        case 'br':
        case 'cr':
          out.push('')
          break
        case 'noBreakHyphen':
          add('-')
          break
        case 'p': // a paragraph nested in a run's text box or a cell walked as a paragraph
          out.push(...paragraphTexts(c, numbering))
          break
        default:
          walk(c)
      }
    }
  }
  walk(p)
  return out
}

/** A cell's whole text: its paragraphs (and the rows of a nested table) joined by spaces. */
function cellContent(tc: XmlElement, numbering: Numbering): string {
  const parts: string[] = []
  const walk = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'p') parts.push(paragraphTexts(c, numbering).join(' '))
      else if (c.name === 'tbl' || c.name === 'tr' || c.name === 'tc' || CONTAINERS.has(c.name)) walk(c)
    }
  }
  walk(tc)
  return parts
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ')
}

/** Columns of one table row kept at most (Word itself allows 63). */
const MAX_COLUMNS = 512
/** Slots of one table kept at most; the rows beyond are dropped with a diagnostic. */
const MAX_SLOTS = 1_000_000

const intAttr = (el: XmlElement | undefined, fallback: number) => {
  const v = Number.parseInt(el?.attrs.val ?? '', 10)
  return Number.isFinite(v) && v > 0 ? Math.min(v, 1000) : fallback
}

/** The rows of a table, also inside content controls and tracked insertions. */
function ownRows(tbl: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  const collect = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'tr') out.push(c)
      else if (CONTAINERS.has(c.name)) collect(c)
    }
  }
  collect(tbl)
  return out
}

/** The cells of a row, also inside content controls and tracked insertions. */
function ownCells(tr: XmlElement): XmlElement[] {
  const out: XmlElement[] = []
  const collect = (el: XmlElement) => {
    for (const c of elements(el)) {
      if (c.name === 'tc') out.push(c)
      else if (CONTAINERS.has(c.name)) collect(c)
    }
  }
  collect(tr)
  return out
}

/**
 * Whether a table only frames the page: a cell holds a table of its own, and the table is too
 * small to be a data table itself (at most 3 rows or 2 columns; documents converted from web
 * pages keep such frames). A data table with a small table inside one cell keeps its grid.
 */
function holdsTable(tbl: XmlElement): boolean {
  const has = (el: XmlElement): boolean => elements(el).some((c) => c.name === 'tbl' || (CONTAINERS.has(c.name) && has(c)))
  const rows = ownRows(tbl)
  const small = rows.length <= 3 || rows.every((tr) => ownCells(tr).length <= 2)
  return small && rows.some((tr) => ownCells(tr).some(has))
}

/** The rows of a table as a rectangular grid of slots (`w:tblGrid` columns, `w:gridBefore`/`gridAfter` as empty slots). */
function tableGrid(tbl: XmlElement, place: GridSlot['place'], diagnostics: Diagnostic[], numbering: Numbering): GridSlot[][] {
  const empty = (covered = false): GridSlot => (covered ? { text: '', colSpan: 1, place, covered } : { text: '', colSpan: 1, place })
  // Slots continuing a vertical merge, to count the rows of the cell that starts it.
  const continuing = new WeakSet<GridSlot>()
  const rows: GridSlot[][] = []
  // Rows may sit inside content controls or tracked insertions.
  let slots = 0
  for (const tr of ownRows(tbl)) {
    if (slots > MAX_SLOTS) {
      diagnostics.push({ ruleId: 'parse/docx-table-limit', severity: 'warning', message: `表格超过 ${MAX_SLOTS} 个单元格，其余行未读取 (table beyond ${MAX_SLOTS} cells: remaining rows skipped)` })
      break
    }
    const trPr = child(tr, 'trPr')
    const row: GridSlot[] = []
    for (let i = intAttr(child(trPr, 'gridBefore'), 0); i > 0; i--) row.push(empty())
    for (const tc of ownCells(tr)) {
      const tcPr = child(tc, 'tcPr')
      const span = intAttr(child(tcPr, 'gridSpan'), 1)
      const vMerge = child(tcPr, 'vMerge')
      const hMerge = child(tcPr, 'hMerge')
      // A vMerge without val="restart" continues the cell above; its text (normally none) is dropped.
      const continued = (vMerge && vMerge.attrs.val !== 'restart') || (hMerge && hMerge.attrs.val !== 'restart')
      const slot: GridSlot = continued ? { text: '', colSpan: 1, place, covered: true } : { text: cellContent(tc, numbering), colSpan: span, place }
      if (vMerge && continued) continuing.add(slot)
      row.push(slot)
      for (let i = 1; i < span; i++) row.push(empty(true))
    }
    for (let i = intAttr(child(trPr, 'gridAfter'), 0); i > 0; i--) row.push(empty())
    if (row.length > MAX_COLUMNS) {
      diagnostics.push({ ruleId: 'parse/docx-column-limit', severity: 'warning', message: `表格行超过 ${MAX_COLUMNS} 列，多出的列未读取 (columns beyond ${MAX_COLUMNS} skipped)` })
      row.length = MAX_COLUMNS
    }
    slots += row.length
    rows.push(row)
  }
  const gridCols = elements(child(tbl, 'tblGrid') ?? { name: '', attrs: {}, children: [] }, 'gridCol').length
  const width = Math.min(MAX_COLUMNS, rows.reduce((w, r) => Math.max(w, r.length), gridCols))
  for (const r of rows) while (r.length < width) r.push(empty())
  rows.forEach((row, r) =>
    row.forEach((slot, c) => {
      if (slot.covered) return
      let below = r + 1
      while (below < rows.length && continuing.has(rows[below]![c]!)) below++
      if (below > r + 1) slot.rowSpan = below - r
    }),
  )
  return rows
}

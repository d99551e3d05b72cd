import { posix } from 'node:path'
import type { Diagnostic, Place } from '../../model/index.ts'
import type { LayoutLine } from '../layout.ts'
import { squeeze } from '../chars.ts'
import { OfficeError } from '../office/error.ts'
import { cellText, tableLines, type GridSlot } from '../office/grid.ts'
import { isPartial, type OfficeRead } from '../office/read.ts'
import { child, elements, parseXml, type XmlElement } from '../office/xml.ts'
import { defaultZipLimits, openZip, type Zip, type ZipLimits } from '../office/zip.ts'
import { BUILTIN_FORMATS, formatNumber } from './number-format.ts'
import { readSharedStrings, readSheet, refOf, type RawCell } from './sheet.ts'

export { OfficeError, type OfficeProblem } from '../office/error.ts'
export type { OfficeRead } from '../office/read.ts'

/** Limits on an XLSX beyond those of its ZIP container. */
export interface XlsxLimits extends ZipLimits {
  /** Cells with a value kept per sheet; the rest of a sheet is dropped with a diagnostic. */
  maxCells: number
  /** Columns of one sheet's used range; columns beyond are dropped with a diagnostic. */
  maxColumns: number
}

/** A budget table has at most a few dozen columns and a few thousand rows. */
export const defaultXlsxLimits: XlsxLimits = { ...defaultZipLimits, maxCells: 1_000_000, maxColumns: 256 }

/**
 * Read an XLSX into the layout every reader produces. Budget systems export one sheet per table,
 * so each visible sheet becomes one block of lines: the sheet name as a title (`表1`, then the
 * title) when the sheet has no title row of its own, then one tab-joined line per row of its
 * used range, each cell with its sheet and reference (`B7`). A merged range keeps its text in
 * its top-left cell, the other cells empty. Numbers stored as numbers print as the cell's number
 * format shows them (two decimals for `0.00`, no float noise); formulas give their cached result.
 * Hidden sheets, rows and columns are not part of the published table and are left out.
 * Throws OfficeError naming the file when it is not a readable XLSX (empty, encrypted, legacy
 * .xls, corrupt, truncated, a zip bomb).
 */
export function readXlsx(file: string, bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): OfficeRead {
  const lim = { ...defaultXlsxLimits, ...limits }
  const zip = openZip(file, bytes, 'XLSX', lim)
  const workbookPath = relTargets(zip, '_rels/.rels', '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml'
  const workbookXml = zip.text(workbookPath)
  if (workbookXml === undefined) {
    const what = zip.has('word/document.xml') ? '这是 DOCX 文件 (this is a DOCX file)' : `缺少 ${workbookPath} (no workbook part)`
    throw new OfficeError(file, 'not-office', `不是 XLSX 文件：${what}`)
  }
  const root = parseXml(workbookXml)
  if (child(root, 'document')) throw new OfficeError(file, 'not-office', '不是 XLSX 文件：这是 DOCX 文件 (this is a DOCX file)')
  const workbook = child(root, 'workbook')
  if (!workbook) throw new OfficeError(file, 'corrupt', '文件已损坏：workbook.xml 没有 workbook 元素 (no workbook element)')
  const dir = posix.dirname(workbookPath)
  const rels = relTargets(zip, posix.join(dir, '_rels', `${posix.basename(workbookPath)}.rels`), dir)
  const date1904 = ['1', 'true'].includes(child(workbook, 'workbookPr')?.attrs.date1904 ?? '')
  const sharedPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.target ?? posix.join(dir, 'sharedStrings.xml')
  const sharedXml = zip.text(sharedPath)
  const shared = sharedXml === undefined ? [] : readSharedStrings(sharedXml)
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target ?? posix.join(dir, 'styles.xml')
  const formats = styleFormats(zip.text(stylesPath))

  const diagnostics: Diagnostic[] = []
  const lines: LayoutLine[] = []
  for (const s of elements(child(workbook, 'sheets') ?? EMPTY, 'sheet')) {
    const name = s.attrs.name ?? ''
    const rel = rels.find((r) => r.id === s.attrs.id)
    if (!rel || !rel.type.endsWith('/worksheet')) continue // chart sheets and dialog sheets hold no cells
    const at: Place = { file, start: { line: lines.length + 1, column: 1 }, sheet: name }
    if (s.attrs.state === 'hidden' || s.attrs.state === 'veryHidden') {
      diagnostics.push({ ruleId: 'parse/xlsx-hidden-sheet', severity: 'info', message: `隐藏的工作表「${name}」未读取 (hidden sheet not read)`, place: at })
      continue
    }
    const xml = zip.text(rel.target)
    if (xml === undefined) {
      diagnostics.push({ ruleId: 'parse/xlsx-missing-sheet', severity: 'warning', message: `工作表「${name}」缺少内容 ${rel.target} (sheet part missing)`, place: at })
      continue
    }
    const raw = readSheet(xml, lim.maxCells)
    if (raw.truncated)
      diagnostics.push({
        ruleId: 'parse/xlsx-cell-limit',
        severity: 'warning',
        message: `工作表「${name}」超过 ${lim.maxCells} 个单元格，其余未读取 (only the first ${lim.maxCells} cells read)`,
        place: at,
      })
    const texts = new Map<string, { text: string; cell: RawCell }>()
    for (const c of raw.cells) {
      if (c.formula && !c.hasValue)
        diagnostics.push({
          ruleId: 'parse/xlsx-formula-without-value',
          severity: 'warning',
          message: `单元格 ${refOf(c.row, c.col)} 是公式但没有保存计算结果，按空白处理 (formula without a cached result)`,
          place: { ...at, cell: refOf(c.row, c.col) },
        })
      const text = cellValue(c, shared, formats, date1904)
      if (text.trim() && !raw.hiddenRows.has(c.row) && !raw.hiddenCols.has(c.col)) texts.set(`${c.row},${c.col}`, { text, cell: c })
    }
    if (texts.size === 0) continue
    let rowsUsed = [...new Set([...texts.values()].map((t) => t.cell.row))].sort((a, b) => a - b)
    let cols = [...new Set([...texts.values()].map((t) => t.cell.col))]
    const minCol = cols.reduce((a, b) => Math.min(a, b))
    const maxCol = cols.reduce((a, b) => Math.max(a, b))
    cols = []
    for (let c = minCol; c <= maxCol; c++) if (!raw.hiddenCols.has(c)) cols.push(c)
    if (cols.length > lim.maxColumns) {
      diagnostics.push({
        ruleId: 'parse/xlsx-column-limit',
        severity: 'warning',
        message: `工作表「${name}」有 ${cols.length} 列，只读取前 ${lim.maxColumns} 列 (only the first ${lim.maxColumns} columns read)`,
        place: at,
      })
      cols = cols.slice(0, lim.maxColumns)
    }
    // The grid is rows × columns slots: a few sparse cells far apart must not make it enormous.
    const maxRows = Math.max(1, Math.floor(MAX_SLOTS / cols.length))
    if (rowsUsed.length > maxRows) {
      diagnostics.push({
        ruleId: 'parse/xlsx-row-limit',
        severity: 'warning',
        message: `工作表「${name}」有 ${rowsUsed.length} 行，只读取前 ${maxRows} 行 (only the first ${maxRows} rows read)`,
        place: at,
      })
      rowsUsed = rowsUsed.slice(0, maxRows)
    }
    // Cells covered by a merge (not its top-left cell) are empty; a merge's span counts its visible
    // columns. Merges are clipped to the used rows and columns, and the work is bounded, so that
    // malformed overlapping merges cannot make this quadratic.
    const covered = new Set<string>()
    const spans = new Map<string, [cols: number, rows: number]>()
    let budget = MAX_SLOTS * 2
    for (const [top, left, bottom, right] of raw.merges) {
      const r0 = lowerBound(rowsUsed, top)
      const r1 = lowerBound(rowsUsed, bottom + 1)
      const c0 = lowerBound(cols, left)
      const c1 = lowerBound(cols, right + 1)
      spans.set(`${top},${left}`, [c1 - c0, r1 - r0])
      budget -= (r1 - r0) * (c1 - c0)
      if (budget < 0) {
        diagnostics.push({ ruleId: 'parse/xlsx-merge-limit', severity: 'warning', message: `工作表「${name}」的合并单元格过多或相互重叠，其余未处理 (too many merged cells)`, place: at })
        break
      }
      for (let i = r0; i < r1; i++) for (let j = c0; j < c1; j++) if (rowsUsed[i] !== top || cols[j] !== left) covered.add(`${rowsUsed[i]},${cols[j]}`)
    }
    // A gap of blank rows is kept as one blank row: it separates tables printed on one sheet.
    const gapped: number[] = []
    rowsUsed.forEach((r, i) => {
      if (i > 0 && r > rowsUsed[i - 1]! + 1) gapped.push(0)
      gapped.push(r)
    })
    const grid = gapped.map((r) =>
      cols.map((c): GridSlot => {
        const key = `${r},${c}`
        const cell = refOf(r, c)
        const place: GridSlot['place'] = (line, start, end) => ({ file, start: { line, column: start + 1 }, end: { line, column: end + 1 }, sheet: name, cell })
        if (covered.has(key)) return { text: '', colSpan: 1, covered: true, place }
        const [colSpan, rowSpan] = spans.get(key) ?? [1, 1]
        return { text: texts.get(key)?.text ?? '', colSpan, rowSpan, place }
      }),
    )
    if (lines.length > 0) lines.push({ line: lines.length + 1, text: '' })
    for (const title of titleLines(name, preamble(grid))) {
      const line = lines.length + 1
      lines.push({ line, text: title, place: { file, start: { line, column: 1 }, end: { line, column: title.length + 1 }, sheet: name } })
    }
    // A loop, not push(...): a sheet can have more rows than a call can take arguments.
    for (const l of tableLines(grid, lines.length + 1)) lines.push(l)
  }
  return { layout: { file, lines }, diagnostics, partial: isPartial(diagnostics) }
}

const EMPTY: XmlElement = { name: '', attrs: {}, children: [] }

/** Slots of one sheet's grid (rows × columns) kept at most; a budget table has a few thousand. */
const MAX_SLOTS = 1_000_000

/** The index of the first element of a sorted array that is ≥ v. */
function lowerBound(sorted: number[], v: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The relationships of a part, with targets resolved to package paths. */
function relTargets(zip: Zip, relsPath: string, baseDir: string): { id: string; type: string; target: string }[] {
  const xml = zip.text(relsPath)
  if (xml === undefined) return []
  return elements(child(parseXml(xml), 'Relationships') ?? EMPTY, 'Relationship').map((r) => {
    const t = r.attrs.Target ?? ''
    const target = t.startsWith('/') ? t.slice(1) : posix.normalize(posix.join(baseDir, t))
    return { id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', target }
  })
}

/** The number format code of each cell style (`cellXfs` index → format code). */
function styleFormats(xml: string | undefined): string[] {
  if (xml === undefined) return []
  const styles = child(parseXml(xml), 'styleSheet')
  const custom = new Map<number, string>()
  for (const f of elements(child(styles, 'numFmts') ?? EMPTY, 'numFmt')) custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? 'General')
  return elements(child(styles, 'cellXfs') ?? EMPTY, 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId) || 0
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General'
  })
}

/** Excel escapes control characters in strings as `_xHHHH_` (ECMA-376 Part 1, 22.9.2.19). */
const unescape = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

/** The text a cell shows. */
function cellValue(c: RawCell, shared: string[], formats: string[], date1904: boolean): string {
  if (!c.hasValue) return ''
  switch (c.type) {
    case 's':
      return unescape(shared[Number(c.value)] ?? '')
    case 'str':
    case 'inlineStr':
      return unescape(c.value)
    case 'b':
      return c.value === '1' ? 'TRUE' : 'FALSE'
    case 'e':
      return c.value
    case 'd':
      return c.value.replace(/T00:00:00(?:\.0+)?Z?$/, '')
    default: {
      const v = Number(c.value)
      if (c.value.trim() === '' || !Number.isFinite(v)) return c.value
      return formatNumber(v, formats[c.style] ?? 'General', date1904)
    }
  }
}

/** The plain texts above a sheet's first row of two or more texts: its title rows. */
function preamble(grid: GridSlot[][]): string[] {
  const out: string[] = []
  for (const row of grid) {
    const texts = row.map((s) => cellText(s.text)).filter(Boolean)
    if (texts.length >= 2) break
    out.push(...texts)
  }
  return out
}

/** Default sheet names say nothing about the table. */
const GENERIC = /^(?:sheet|工作表|表单|Лист)\s*\d*$/i

/**
 * Title lines taken from the sheet name, for a sheet without a title row: `表1 部门收支总体情况表`
 * gives `表1` unless the sheet already prints `表1`, and `部门收支总体情况表` unless the sheet
 * prints that title or another one (a row ending in 表).
 */
export function titleLines(sheetName: string, preambleTexts: string[]): string[] {
  const name = cellText(sheetName)
  if (!name || GENERIC.test(name)) return []
  const printed = squeeze(preambleTexts.join('\n'))
  const m = /^(?:附?表\s*([0-9一二三四五六七八九十]+(?:-\d+)?)[、.:：\s]*)?(.*)$/.exec(name)!
  const out: string[] = []
  if (m[1] !== undefined && !printed.includes(`表${m[1]}`)) out.push(`表${m[1]}`)
  const title = (m[2] ?? '').trim()
  const hasTitle = preambleTexts.some((t) => /表\s*[)）]?\s*$/.test(t) || (title !== '' && squeeze(t).includes(squeeze(title))))
  if (title && !hasTitle) out.push(title)
  return out
}

/**
 * The tables of a rendered document as XLSX (exceljs 4.4.0), one sheet per table as the budget
 * systems export them: 表 N in A1, the title merged across the table, 编制部门 and 单位, then the
 * header rows with their merged cells and the body. Money is stored as numbers with format
 * `0.00` (more decimals where a value has them); codes as text, so `01` keeps its zero.
 */
import ExcelJS from 'exceljs'
import type { Table } from '../model/index.ts'
import { printedText, tableBody } from './body.ts'
import { tableTitle, type RenderDocument } from './document.ts'
import { headerGrid, headerOf, type ColumnRef } from './headers.ts'

/** Where each table's parts landed in its sheet (1-based rows), for tests and for reading back. */
export interface SheetLayout {
  sheet: string
  table: string
  /** First and last header row. */
  headerRows: [number, number]
  /** First body row; body rows follow one per body row of the table. */
  bodyStart: number
}

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BORDER = { top: thin, bottom: thin, left: thin, right: thin }

function columnWidth(ref: ColumnRef): number {
  switch (ref.kind) {
    case 'code': return 6
    case 'name': return ref.side ? 30 : 32
    case 'project': return 32
    case 'value': return 14
  }
}

/** A sheet name Excel accepts (≤ 31 characters, none of `[]:*?/\`), unique in the workbook. */
function sheetName(table: Table, used: Set<string>): string {
  const base = tableTitle(table).replace(/[[\]:*?/\\]/g, '').slice(0, 31) || table.key
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)}(${i})`
  used.add(name)
  return name
}

function addTable(book: ExcelJS.Workbook, table: Table, department: string | undefined, used: Set<string>): SheetLayout {
  const header = headerGrid(headerOf(table.key, table.columns))
  const body = tableBody(table, header)
  const name = sheetName(table, used)
  const width = header.columns.length
  const ws = book.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.columns = header.columns.map((c) => ({ width: columnWidth(c) }))

  ws.getCell(1, 1).value = table.number ? `表${table.number}` : ''
  ws.mergeCells(2, 1, 2, width)
  const title = ws.getCell(2, 1)
  title.value = tableTitle(table)
  title.font = { name: '宋体', size: 16, bold: true }
  title.alignment = { horizontal: 'center', vertical: 'middle' }
  ws.getRow(2).height = 30
  ws.getCell(3, 1).value = `编制部门：${department ?? ''}`
  const unit = ws.getCell(3, width)
  unit.value = `单位：${table.unit}`
  unit.alignment = { horizontal: 'right' }

  const top = 4
  for (const c of header.cells) {
    const r = top + c.row
    const col = 1 + c.col
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, col, r + c.rowSpan - 1, col + c.colSpan - 1)
    const cell = ws.getCell(r, col)
    cell.value = c.label
    cell.font = { name: '宋体', size: 10, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  }
  for (let r = top; r < top + header.depth; r++) for (let col = 1; col <= width; col++) ws.getCell(r, col).border = BORDER

  const bodyStart = top + header.depth
  body.forEach((row, i) => {
    row.cells.forEach((b, j) => {
      const cell = ws.getCell(bodyStart + i, 1 + j)
      if (b.number) {
        cell.value = b.number.value
        cell.numFmt = b.number.decimals > 2 ? `0.${'0'.repeat(b.number.decimals)}` : '0.00'
      } else if (b.text) {
        cell.value = b.text
      }
      cell.font = { name: '宋体', size: 10, bold: row.total && !b.number && b.text !== '' }
      cell.alignment = { horizontal: b.align, vertical: 'middle', wrapText: !b.number }
      cell.border = BORDER
    })
  })
  if (table.emptyNote) {
    const r = bodyStart + body.length + 1
    ws.mergeCells(r, 1, r, width)
    ws.getCell(r, 1).value = printedText(table.emptyNote.text)
    ws.getCell(r, 1).alignment = { wrapText: true }
    ws.getRow(r).height = 30
  }
  ws.views = [{ state: 'frozen', ySplit: bodyStart - 1 }]
  ws.pageSetup.printTitlesRow = `${top}:${bodyStart - 1}`
  return { sheet: name, table: table.key, headerRows: [top, bodyStart - 1], bodyStart }
}

/** Render the tables of a document as an XLSX workbook, one sheet per table. */
export async function renderXlsx(doc: RenderDocument): Promise<{ bytes: Uint8Array; sheets: SheetLayout[] }> {
  const book = new ExcelJS.Workbook()
  book.creator = 'yusuan'
  book.title = doc.title
  // A fixed date keeps the file the same from one run to the next.
  book.created = book.modified = new Date(Date.UTC(2026, 0, 1))
  const used = new Set<string>()
  const sheets = doc.tables.map((t) => addTable(book, t, doc.department, used))
  return { bytes: new Uint8Array(await book.xlsx.writeBuffer()), sheets }
}

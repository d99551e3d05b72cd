/**
 * A rendered document as DOCX (docx 9.15.2), laid out as the published originals are: A4, body in
 * 仿宋_GB2312 三号, headings in 黑体, tables in 宋体 on landscape pages, one table per page with
 * 表 N, its title, 编制部门 and 单位 above it, header rows repeated when a long table runs onto the
 * next page. Where 仿宋/宋体/黑体 are not installed, LibreOffice substitutes them (Noto CJK on Debian).
 */
import {
  AlignmentType, BorderStyle, Document, Footer, HeightRule, Packer, PageNumber, PageOrientation, Paragraph,
  Table as DocxTable, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType,
  type ISectionOptions,
} from 'docx'
import type { Table } from '../model/index.ts'
import { printedText, tableBody, type BodyCell } from './body.ts'
import { gridRow, tableTitle, type Block, type RenderDocument } from './document.ts'
import { headerGrid, headerOf, type ColumnRef } from './headers.ts'

/** Options of the DOCX renderer. */
export interface DocxOptions {
  /** Draw the ruling lines of the tables (default true); false gives the borderless variant. */
  ruled?: boolean
}

const FANGSONG = '仿宋_GB2312'
const SONGTI = '宋体'
const HEITI = '黑体'
/** Latin text in 公文 is Times New Roman; CJK falls to the eastAsia font. */
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' })

// A4 in twips (1/20 pt); 公文 margins (GB/T 9704: top 37 mm, left 28 mm) for text pages.
const A4_W = 11906
const A4_H = 16838
const TEXT_PAGE = { size: { width: A4_W, height: A4_H }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } }
const TABLE_MARGIN = 1020
// docx swaps width and height itself for a landscape section.
const TABLE_PAGE = { size: { width: A4_W, height: A4_H, orientation: PageOrientation.LANDSCAPE }, margin: { top: TABLE_MARGIN, bottom: TABLE_MARGIN, left: TABLE_MARGIN, right: TABLE_MARGIN } }
const TABLE_WIDTH = A4_H - 2 * TABLE_MARGIN

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

/** Relative widths of the columns by what they hold. */
function weight(ref: ColumnRef, valueColumns: number): number {
  switch (ref.kind) {
    case 'code': return 2.2
    case 'name': return ref.side ? 11 : valueColumns > 8 ? 9 : 14
    case 'project': return 10
    case 'value': return valueColumns > 8 ? 4.2 : 6
  }
}

const run = (text: string, size: number, face: string, bold = false) => new TextRun({ text, size, font: font(face), bold })

function cellParagraph(text: string, align: BodyCell['align'], size: number, face = SONGTI): Paragraph {
  const alignment = align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT
  return new Paragraph({ alignment, spacing: { before: 0, after: 0, line: 240 }, children: text ? [run(text, size, face)] : [] })
}

function tableBlock(table: Table, department: string | undefined, ruled: boolean): (Paragraph | DocxTable)[] {
  const header = headerGrid(headerOf(table.key, table.columns))
  const body = tableBody(table, header)
  const values = header.columns.filter((c) => c.kind === 'value').length
  const weights = header.columns.map((c) => weight(c, values))
  const sum = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((w / sum) * TABLE_WIDTH))
  const size = values > 8 ? 16 : 18 // 8 pt for the wide tables, 9 pt otherwise
  const border = ruled ? LINE : NONE
  const borders = { top: border, bottom: border, left: border, right: border }
  const margins = { top: 30, bottom: 30, left: 60, right: 60 }
  const span = (col: number, n: number) => widths.slice(col, col + n).reduce((a, b) => a + b, 0)

  const headerRows = Array.from({ length: header.depth }, (_, r) =>
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      height: { value: 400, rule: HeightRule.ATLEAST },
      children: header.cells.filter((c) => c.row === r).map((c) =>
        new TableCell({
          children: [cellParagraph(c.label, 'center', size, HEITI)], // header cells in 黑体, as the originals print them
          rowSpan: c.rowSpan,
          columnSpan: c.colSpan,
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: span(c.col, c.colSpan), type: WidthType.DXA },
          borders,
          margins,
        })),
    }))
  const bodyRows = body.map((row) =>
    new TableRow({
      cantSplit: true,
      height: { value: 360, rule: HeightRule.ATLEAST },
      children: row.cells.map((cell, i) =>
        new TableCell({
          children: [cellParagraph(cell.text, cell.align, size, row.total && cell.text !== '' && cell.number === undefined ? HEITI : SONGTI)],
          verticalAlign: VerticalAlignTable.CENTER,
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          borders,
          margins,
        })),
    }))

  const out: (Paragraph | DocxTable)[] = [
    new Paragraph({ pageBreakBefore: true, children: table.number ? [run(`表${table.number}`, 24, HEITI)] : [] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [run(tableTitle(table), 36, SONGTI, true)] }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TABLE_WIDTH }],
      spacing: { after: 60 },
      children: [run(`编制部门：${department ?? ''}`, 20, SONGTI), new TextRun({ text: '\t' }), run(`单位：${table.unit}`, 20, SONGTI)],
    }),
    new DocxTable({
      rows: [...headerRows, ...bodyRows],
      columnWidths: widths,
      width: { size: span(0, widths.length), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: ruled
        ? { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
        : { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    }),
  ]
  if (table.emptyNote) {
    out.push(new Paragraph({ spacing: { before: 200 }, indent: { firstLine: 480 }, children: [run(printedText(table.emptyNote.text), 24, FANGSONG)] }))
  }
  return out
}

function gridBlock(rows: string[][], ruled: boolean): DocxTable {
  const cols = Math.max(1, ...rows.map((r) => r.length))
  const width = A4_W - TEXT_PAGE.margin.left - TEXT_PAGE.margin.right
  const w = Math.floor(width / cols)
  const border = ruled ? LINE : NONE
  return new DocxTable({
    columnWidths: Array.from({ length: cols }, () => w),
    width: { size: w * cols, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    rows: rows.map((r) =>
      new TableRow({
        cantSplit: true,
        children: gridRow(r, cols).map((c) =>
          new TableCell({
            children: [cellParagraph(c.text, 'left', 18)],
            columnSpan: c.span,
            width: { size: w * c.span, type: WidthType.DXA },
            borders: { top: border, bottom: border, left: border, right: border },
            margins: { top: 30, bottom: 30, left: 60, right: 60 },
          })),
      })),
  })
}

function textBlocks(blocks: readonly Block[], ruled: boolean, seen: Set<string>): (Paragraph | DocxTable)[] {
  const out: (Paragraph | DocxTable)[] = []
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: out.length ? 240 : 3600, after: 240 }, children: [run(b.text, 44, SONGTI, true)] }))
        break
      case 'heading':
        out.push(new Paragraph({
          // A 部分 starts a new page; its first mention is the 目录 entry (seed 003 lines 9–46).
          pageBreakBefore: b.level === 1 && (seen.has(b.text) || /^目\s*录$/.test(b.text)),
          alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: b.level === 1 ? 360 : 160, after: 160 },
          indent: b.level === 1 ? {} : { firstLine: 640 },
          children: [run(b.text, 32, b.level === 3 ? '楷体_GB2312' : HEITI)],
        }))
        seen.add(b.text)
        break
      case 'paragraph':
        out.push(new Paragraph({ spacing: { after: 0, line: 560, lineRule: 'exact' }, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(b.text, 32, FANGSONG)] }))
        break
      case 'grid':
        out.push(gridBlock(b.rows, ruled), new Paragraph({ children: [] }))
        break
      case 'table':
        break
    }
  }
  return out
}

const pageFooter = () => ({
  default: new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 28, font: font(SONGTI) })] })],
  }),
})

/** Render a document as DOCX bytes. */
export async function renderDocx(doc: RenderDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const ruled = options.ruled ?? true
  const sections: ISectionOptions[] = []
  const seen = new Set<string>()
  if (doc.front.length) sections.push({ properties: { page: TEXT_PAGE }, footers: pageFooter(), children: textBlocks(doc.front, ruled, seen) })
  if (doc.tables.length) {
    const children = doc.tables.flatMap((t) => tableBlock(t, doc.department, ruled))
    // The first table needs no page break of its own: the section starts a page.
    sections.push({ properties: { page: TABLE_PAGE }, footers: pageFooter(), children })
  }
  if (doc.back.length) sections.push({ properties: { page: TEXT_PAGE }, footers: pageFooter(), children: textBlocks(doc.back, ruled, seen) })
  const document = new Document({
    creator: 'yusuan',
    title: doc.title,
    styles: { default: { document: { run: { font: font(FANGSONG), size: 32 } } } },
    sections,
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

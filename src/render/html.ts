/**
 * A rendered document as one HTML page, as the disclosure portals publish them: the narrative as
 * headings and paragraphs, each table under its 表 N and title with its header rows as `<th>`
 * cells carrying rowspan/colspan.
 */
import type { Table } from '../model/index.ts'
import { printedText, tableBody } from './body.ts'
import { gridRow, tableTitle, type Block, type RenderDocument } from './document.ts'
import { headerGrid, headerOf } from './headers.ts'

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const span = (name: string, n: number) => (n > 1 ? ` ${name}="${n}"` : '')

function tableHtml(table: Table, department: string | undefined): string {
  const header = headerGrid(headerOf(table.key, table.columns))
  const body = tableBody(table, header)
  const head = Array.from({ length: header.depth }, (_, r) =>
    `<tr>${header.cells.filter((c) => c.row === r).map((c) => `<th${span('rowspan', c.rowSpan)}${span('colspan', c.colSpan)}>${escape(c.label)}</th>`).join('')}</tr>`)
  const rows = body.map((row) =>
    `<tr${row.total ? ' class="total"' : ''}>${row.cells.map((c) => `<td${c.align === 'left' ? '' : ` class="${c.align === 'right' ? 'num' : 'c'}"`}>${escape(c.text)}</td>`).join('')}</tr>`)
  return [
    `<section class="table" id="${escape(table.key)}">`,
    table.number ? `<p class="no">表${table.number}</p>` : '',
    `<h3>${escape(tableTitle(table))}</h3>`,
    `<p class="meta"><span>编制部门：${escape(department ?? '')}</span><span>单位：${escape(table.unit)}</span></p>`,
    `<table border="1" cellspacing="0" cellpadding="2">`,
    `<thead>\n${head.join('\n')}\n</thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    `</table>`,
    table.emptyNote ? `<p class="note">${escape(printedText(table.emptyNote.text))}</p>` : '',
    `</section>`,
  ].filter((l) => l !== '').join('\n')
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title': return `<p class="cover">${escape(b.text)}</p>`
    case 'heading': return `<h${b.level + 1}>${escape(b.text)}</h${b.level + 1}>`
    case 'paragraph': return `<p>${escape(b.text)}</p>`
    case 'grid': {
      const cols = Math.max(1, ...b.rows.map((r) => r.length))
      const rows = b.rows.map((r) => `<tr>${gridRow(r, cols).map((c) => `<td${span('colspan', c.span)}>${escape(c.text)}</td>`).join('')}</tr>`)
      return `<table class="grid" border="1" cellspacing="0" cellpadding="2">\n${rows.join('\n')}\n</table>`
    }
    case 'table': return ''
  }
}

const STYLE = `
body { font-family: "仿宋_GB2312", "仿宋", "FangSong", "Noto Serif CJK SC", serif; max-width: 60em; margin: 2em auto; line-height: 1.8; }
h1, h2, h3, h4 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; }
h1, h2, section.table h3 { text-align: center; }
table { border-collapse: collapse; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 12px; margin: 0 auto 1em; }
th, td { border: 1px solid #000; padding: 2px 4px; }
td.num { text-align: right; white-space: nowrap; }
td.c { text-align: center; }
tr.total td { font-weight: bold; }
p.cover { text-align: center; font-size: 2em; font-weight: bold; margin: 0.3em; }
p.meta { display: flex; justify-content: space-between; font-size: 14px; }
section.table { page-break-before: always; }
@page { size: A4 landscape; }
`

/** Render a document as one HTML page (UTF-8). */
export function renderHtml(doc: RenderDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escape(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    doc.front.some((b) => b.kind === 'title') ? '' : `<h1>${escape(doc.title)}</h1>`,
    ...doc.front.map(blockHtml),
    ...doc.tables.map((t) => tableHtml(t, doc.department)),
    ...doc.back.map(blockHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

import assert from 'node:assert/strict'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { TABLES } from '../../src/model/index.ts'
import { HEADERS, headerGrid, type ColumnRef } from '../../src/render/headers.ts'
import { openZip } from '../../src/parse/office/zip.ts'

/**
 * The committed format fixtures (npm run fixtures) against the hand-checked facts of their seed:
 * every fact sits in the right sheet, column and row, and nothing else is printed as a number.
 */
const DIR = 'test/fixtures/formats'
const IDS = ['001', '002', '003']

interface Fact { table: string; row: string; column: string; value: string }
const facts = (id: string): Fact[] =>
  readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').slice(1).map((l) => {
    const [table = '', row = '', column = '', value = ''] = l.split(',')
    return { table, row, column, value }
  })

const TITLES = new Map<string, string>(TABLES.map((t) => [t.title, t.key]))
TITLES.set('上年结转结余情况表', 'carryover').set('上年结转结余情况明细表', 'carryover')

test('every seed has its DOCX, PDF, borderless PDF, XLSX and HTML, each small enough to commit', () => {
  for (const id of IDS) {
    for (const f of [`${id}.docx`, `${id}.pdf`, `${id}-noborders.pdf`, `${id}.xlsx`, `${id}.html`]) {
      const path = `${DIR}/${f}`
      assert.ok(existsSync(path), path)
      assert.ok(statSync(path).size < 400_000, `${path} is ${statSync(path).size} bytes`)
    }
    assert.equal(readFileSync(`${DIR}/${id}.pdf`).subarray(0, 5).toString(), '%PDF-')
    // The scanned variant (npm run fixtures -- --scanned-only): every page of NNN.pdf as an image, no fonts at all.
    const scanned = readFileSync(`${DIR}/${id}-scanned.pdf`)
    assert.ok(scanned.length < 1_500_000 && scanned.includes('/Subtype /Image') && !scanned.includes('/Font'), `${id}-scanned.pdf`)
  }
})

/** Does sheet row `r` (values by 0-based column) stand for the row key of a fact? */
function rowMatches(key: string, cells: (string | undefined)[], columns: ColumnRef[], side: string | undefined): boolean {
  const of = (pred: (c: ColumnRef) => boolean) => cells[columns.findIndex(pred)] ?? ''
  const code = columns.map((c, i) => (c.kind === 'code' ? cells[i] ?? '' : '')).join('')
  const name = of((c) => c.kind === 'name' && (side === undefined || c.side === side))
  if (/^\d+$/.test(key)) return code === key
  const project = /^(\d+)\/(.+)$/.exec(key)
  if (project) return code === project[1] && of((c) => c.kind === 'project') === project[2]
  if (key.startsWith('unit:') || key.startsWith('project:')) return name === key.slice(key.indexOf(':') + 1)
  if (key === 'total') return /^(总计|合计)$/.test(name)
  if (key === 'exp.total') return name === '支出总计'
  if (key === 'inc.total') return name === '收入总计'
  if (/^exp\.\d+$/.test(key)) return name.startsWith(`${key.slice(4)} `)
  return name !== '' // income lines and 三公 lines: a named row
}

for (const id of IDS) {
  test(`${id}.xlsx: one sheet per table, merged headers, every fact a number in its row and column`, async () => {
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(`${DIR}/${id}.xlsx`) as unknown as ArrayBuffer)
    const expected = facts(id)
    const tables = [...new Set(expected.map((f) => f.table))]
    for (const key of tables) assert.ok(book.worksheets.some((ws) => TITLES.get(ws.name) === key), `${id}: a sheet for ${key}`)

    for (const ws of book.worksheets) {
      const key = TITLES.get(ws.name)
      assert.ok(key, `${id}: sheet ${ws.name} is a standard table`)
      const grid = headerGrid(HEADERS[key]!)
      const merges = (ws.model as unknown as { merges: string[] }).merges
      // Every header cell spanning more than one cell is merged, at its place below the three title rows.
      for (const c of grid.cells.filter((c) => c.rowSpan > 1 || c.colSpan > 1)) {
        const a = ws.getCell(4 + c.row, 1 + c.col).address
        const b = ws.getCell(4 + c.row + c.rowSpan - 1, c.col + c.colSpan).address
        assert.ok(merges.includes(`${a}:${b}`), `${id} ${ws.name}: ${c.label} merged as ${a}:${b}`)
        assert.equal(ws.getCell(a).value, c.label)
      }
      const bodyStart = 4 + grid.depth
      const numbers: { r: number; c: number; v: number }[] = []
      const rows = new Map<number, (string | undefined)[]>()
      ws.eachRow((row, r) => {
        if (r < bodyStart) return
        const texts: (string | undefined)[] = []
        for (let c = 1; c <= grid.columns.length; c++) {
          const cell = row.getCell(c)
          if (typeof cell.value === 'number') {
            numbers.push({ r, c: c - 1, v: cell.value })
            assert.equal(cell.numFmt, '0.00', `${id} ${ws.name} ${cell.address} format`)
          } else texts.push(typeof cell.value === 'string' ? cell.value : undefined)
          if (typeof cell.value === 'number') texts.push(undefined)
        }
        rows.set(r, texts)
      })
      const mine = expected.filter((f) => f.table === key)
      assert.equal(numbers.length, mine.length, `${id} ${ws.name}: one number per fact`)
      const unused = [...numbers]
      for (const f of mine) {
        const side = f.row.startsWith('inc.') ? 'inc' : f.row.startsWith('exp.') ? 'exp' : undefined
        const col = grid.columns.findIndex((c) => c.kind === 'value' && c.key === f.column && (side === undefined || c.side === side))
        assert.ok(col >= 0, `${id} ${key}: column ${f.column}`)
        const i = unused.findIndex((n) => n.c === col && n.v === Number(f.value) && rowMatches(f.row, rows.get(n.r)!, grid.columns, side))
        assert.ok(i >= 0, `${id} ${key}/${f.row}/${f.column} = ${f.value} in ${ws.name}`)
        unused.splice(i, 1)
      }
    }
  })
}

const thousands = (v: string) => v.replace(/^(\d+)(\d{3})\./, '$1,$2.').replace(/^(\d+)(\d{3}),/, '$1,$2,')

test('003.html: tables with rowspan/colspan headers, every fact printed in its table', () => {
  const html = readFileSync(`${DIR}/003.html`, 'utf8')
  const sections = [...html.matchAll(/<section class="table" id="([^"]+)">([\s\S]*?)<\/section>/g)]
  assert.deepEqual(sections.map((s) => s[1]), TABLES.map((t) => t.key))
  const income = sections.find((s) => s[1] === 'income')![2]!
  const thead = /<thead>([\s\S]*?)<\/thead>/.exec(income)![1]!
  assert.deepEqual([...thead.matchAll(/<tr>/g)].length, 2)
  assert.ok(thead.includes('<th colspan="3">科目代码</th><th rowspan="2">科目名称</th><th rowspan="2">总计</th><th colspan="7">财政拨款（补助）</th>'))
  assert.ok(thead.includes('<th>上级国有资本经营预算安排的转移支付</th>'))
  const carryover = sections.find((s) => s[1] === 'carryover')![2]!
  assert.ok(carryover.includes('<th rowspan="3">项目</th><th rowspan="3">总计</th><th colspan="4">财政拨款</th>'))
  for (const [key, body] of sections.map((s) => [s[1]!, s[2]!] as const)) {
    const numbers = [...body.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!)
    const expected = facts('003').filter((f) => f.table === key).map((f) => thousands(f.value))
    assert.deepEqual([...numbers].sort(), [...expected].sort(), key)
  }
})

test('003.docx: twelve standard tables with repeated, merged header rows on landscape A4 pages', () => {
  const xml = openZip('003.docx', readFileSync(`${DIR}/003.docx`), 'DOCX').text('word/document.xml')!
  for (const t of TABLES) assert.ok(xml.includes(`>${t.title === '上年结转结余情况（明细）表' ? '上年结转结余情况表' : t.title}<`), t.title)
  const tables = xml.split('<w:tbl>').slice(1)
  assert.ok(tables.length >= 12)
  assert.ok(xml.includes('w:orient="landscape"'))
  assert.ok(xml.includes('w:w="16838"') && xml.includes('w:h="11906"'), 'A4 landscape')
  const income = tables.find((t) => t.includes('上级国有资本经营预算安排的转移支付'))!
  assert.ok(income.includes('<w:tblHeader/>') || income.includes('<w:tblHeader'), 'header rows repeat')
  assert.ok(income.includes('<w:gridSpan w:val="7"/>'), '财政拨款（补助） spans seven columns')
  assert.ok(income.includes('<w:vMerge w:val="restart"/>'), 'vertical merges')
  assert.ok(xml.includes('w:eastAsia="仿宋_GB2312"') && xml.includes('w:eastAsia="宋体"'))
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')
  for (const f of facts('003')) assert.ok(text.includes(`|${thousands(f.value)}|`), `${f.table}/${f.row}/${f.column} = ${f.value}`)
})

import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { readXlsx } from '../../src/parse/xlsx/index.ts'

/**
 * The seed workbooks rewritten as other budget systems export them: numbers stored as text,
 * General format, accounting format with its dash for zero, thousands separators, float noise
 * from summing in the spreadsheet, generic sheet names, hidden junk rows and a hidden sheet.
 * Each must give the same facts as the seed.
 */
const variants: Record<string, (wb: ExcelJS.Workbook) => void> = {
  'numbers stored as text': (wb) => eachNumber(wb, (c, v) => (c.value = v.toFixed(2))),
  'General format': (wb) => eachNumber(wb, (c) => (c.numFmt = 'General')),
  'accounting format': (wb) => eachNumber(wb, (c) => (c.numFmt = '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ')),
  'thousands separators': (wb) => eachNumber(wb, (c) => (c.numFmt = '#,##0.00')),
  'float noise': (wb) => eachNumber(wb, (c, v) => (c.value = v + 1e-12)),
  'generic sheet names': (wb) => wb.eachSheet((ws, i) => (ws.name = `Sheet${i}`)),
  'hidden junk rows and a hidden sheet': (wb) => {
    wb.eachSheet((ws) => {
      const row = ws.addRow(['999', '99', '99', '隐藏的辅助行', 12345.67, 12345.67])
      row.hidden = true
    })
    const junk = wb.addWorksheet('辅助计算')
    junk.addRow(['201 一般公共服务支出', 1.23])
    junk.state = 'hidden'
  },
}

function eachNumber(wb: ExcelJS.Workbook, f: (c: ExcelJS.Cell, v: number) => void) {
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'number' && f(c, c.value))))
}

for (const id of ['001', '002', '003']) {
  const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
  for (const [name, change] of Object.entries(variants)) {
    test(`${id}.xlsx with ${name} gives the facts of seed ${id}`, async () => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(readFileSync(`test/fixtures/formats/${id}.xlsx`) as unknown as ArrayBuffer)
      change(wb)
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
      const actual = toFacts(parseLayout(readXlsx('v.xlsx', bytes).layout).disclosure!).trim().split('\n').sort()
      assert.deepEqual(actual, expected)
    })
  }
}

/** All tables of a workbook copied onto one sheet, two blank rows apart, merges shifted with them. */
function oneSheet(src: ExcelJS.Workbook): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook()
  const one = out.addWorksheet('Sheet1')
  let base = 0
  src.eachSheet((ws) => {
    ws.eachRow((row, r) =>
      row.eachCell((c, col) => {
        const t = one.getCell(base + r, col)
        t.value = c.value
        t.numFmt = c.numFmt
      }),
    )
    for (const m of (ws.model as unknown as { merges: string[] }).merges) {
      const [a, b] = m.split(':').map((ref) => {
        const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!
        return `${letters}${Number(digits) + base}`
      })
      one.mergeCells(`${a}:${b}`)
    }
    base += ws.rowCount + 2
  })
  return out
}

for (const id of ['001', '002', '003']) {
  test(`${id}.xlsx with all tables on one sheet gives the facts of seed ${id}, titles as plain lines`, async () => {
    const src = new ExcelJS.Workbook()
    await src.xlsx.load(readFileSync(`test/fixtures/formats/${id}.xlsx`) as unknown as ArrayBuffer)
    const bytes = new Uint8Array(await oneSheet(src).xlsx.writeBuffer())
    const { layout } = readXlsx('one.xlsx', bytes)
    for (const l of layout.lines) if (/^表\d+$|情况表$/.test(l.text.trim())) assert.equal(l.cells, undefined, `line ${l.line} ${l.text}`)
    const actual = toFacts(parseLayout(layout).disclosure!).trim().split('\n').sort()
    assert.deepEqual(actual, readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort())
  })
}

/**
 * Runs of equal 类 codes merged down column A, as some exports print them. The layout keeps the
 * code in the first row and leaves the rows below empty there; the table reader carries the code
 * down (PDF ruled tables with merged code cells give the same layout).
 */
function mergeClassCodes(wb: ExcelJS.Workbook) {
  wb.eachSheet((ws) => {
    let start = 0
    const last = ws.rowCount
    for (let r = 1; r <= last + 1; r++) {
      const v = r <= last ? String(ws.getCell(r, 1).value ?? '') : ''
      const first = start ? String(ws.getCell(start, 1).value ?? '') : ''
      if (start && v === first && !ws.getCell(r, 1).isMerged) continue
      if (start && r - 1 > start) ws.mergeCells(start, 1, r - 1, 1)
      start = /^\d{3}$/.test(v) && !ws.getCell(r, 1).isMerged ? r : 0
    }
  })
}

for (const id of ['001', '002', '003']) {
  test(`${id}.xlsx with 类 codes merged down their column gives the facts of seed ${id}`, async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(`test/fixtures/formats/${id}.xlsx`) as unknown as ArrayBuffer)
    mergeClassCodes(wb)
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const actual = toFacts(parseLayout(readXlsx('v.xlsx', bytes).layout).disclosure!).trim().split('\n').sort()
    assert.deepEqual(actual, readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort())
  })
}

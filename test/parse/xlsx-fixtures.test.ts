import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import ExcelJS from 'exceljs'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { readXlsx } from '../../src/parse/xlsx/index.ts'

/**
 * The XLSX renderings of the seeds (one sheet per table) against the facts checked by hand from
 * the seed texts, compared as sorted lines (see docx-fixtures.test.ts). Every fact's place names
 * its sheet and cell, and that cell, read back with exceljs, holds the fact's value.
 */
for (const id of ['001', '002', '003']) {
  const file = `test/fixtures/formats/${id}.xlsx`
  test(`${id}.xlsx parses to exactly the facts of seed ${id}, each placed by sheet and cell`, async () => {
    const { layout, diagnostics, partial } = readXlsx(file, readFileSync(file))
    assert.deepEqual(diagnostics, [])
    assert.equal(partial, false)
    const { disclosure } = parseLayout(layout)
    const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n')
    const actual = toFacts(disclosure!).trim().split('\n')
    assert.deepEqual({ missing: expected.filter((l) => !actual.includes(l)), extra: actual.filter((l) => !expected.includes(l)) }, { missing: [], extra: [] })
    assert.deepEqual([...actual].sort(), [...expected].sort())
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
    for (const t of disclosure!.tables)
      for (const r of t.rows)
        for (const c of r.cells) {
          if (c.derived) continue
          const { sheet, cell } = c.place!
          assert.ok(sheet && cell, `${t.key}/${r.key}/${c.column} has a sheet and cell`)
          const stored = book.getWorksheet(sheet)!.getCell(cell).value
          const value = typeof stored === 'object' && stored !== null && 'result' in stored ? stored.result : stored
          assert.equal(Number(String(value).replace(/,/g, '')), Number(c.raw.replace(/,/g, '')), `${sheet}!${cell} holds ${c.raw}`)
        }
  })
}

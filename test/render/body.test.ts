import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Table } from '../../src/model/index.ts'
import { tableBody, withThousands } from '../../src/render/body.ts'
import { HEADERS, headerGrid } from '../../src/render/headers.ts'

const cell = (column: string, value: string, fen: number, derived?: boolean) =>
  ({ column, value, fen, raw: value, ...(derived ? { derived } : {}) })

const table = (rows: Table['rows'], unit: Table['unit'] = '万元'): Table =>
  ({ key: 'expenditure', unit, recognisedBy: 'title', columns: [], rows, empty: rows.length === 0 })

const texts = (t: Table) => tableBody(t, headerGrid(HEADERS['expenditure']!)).map((r) => r.cells.map((c) => c.text))

test('codes split into 类/款/项, money with thousands separators, blank where the model has no cell', () => {
  const t = table([
    { key: '2010301', label: '行政运行', code: '2010301', cells: [cell('total', '1221.42', 1_221_420_000), cell('basic', '1221.42', 1_221_420_000)] },
    { key: 'total', label: '总计', cells: [cell('total', '1221.42', 1_221_420_000)] },
  ])
  assert.deepEqual(texts(t), [
    ['201', '03', '01', '行政运行', '1,221.42', '1,221.42', ''],
    ['', '', '', '总计', '1,221.42', '', ''],
  ])
})

test('a derived cell is not a fact of the document and is not printed', () => {
  const t = table([{ key: '201', label: '一般公共服务支出', code: '201', cells: [cell('total', '5.00', 5_000_000), cell('project', '5.00', 5_000_000, true)] }])
  assert.deepEqual(texts(t), [['201', '', '', '一般公共服务支出', '5.00', '', '']])
})

test('a 元 table prints its values in 元, exactly', () => {
  const t = table([{ key: '201', label: '一般公共服务支出', code: '201', cells: [cell('total', '4748.3458', 4_748_345_800)] }], '元')
  assert.equal(texts(t)[0]![4], '47,483,458.00')
})

test('an empty table prints a blank 总计 row; labels print with full-width brackets', () => {
  assert.deepEqual(texts(table([])), [['', '', '', '总计', '', '', '']])
  const t = table([{ key: '20103', label: '政府办公厅(室)及相关机构事务', code: '20103', cells: [] }])
  assert.equal(texts(t)[0]![3], '政府办公厅（室）及相关机构事务')
})

test('withThousands', () => {
  assert.equal(withThousands('1234567.50'), '1,234,567.50')
  assert.equal(withThousands('-1000.00'), '-1,000.00')
  assert.equal(withThousands('999.9'), '999.9')
})

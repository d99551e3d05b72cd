import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { parseText } from '../../src/parse/index.ts'
import { blocksFromText, documentOf, gridRow, seedNarrative } from '../../src/render/document.ts'

test('the public API of the render stage', async () => {
  assert.deepEqual(Object.keys(await import('../../src/render/index.ts')).sort(), [
    'HEADERS', 'blocksFromText', 'documentOf', 'headerGrid', 'headerOf', 'renderDocx', 'renderHtml', 'renderXlsx',
    'seedNarrative', 'tableBody', 'tableTitle', 'withThousands',
  ])
})

test('seed 003: cover and 目录 before the tables, 第三部分 right after the last table', () => {
  const file = 'examples/seeds/003_69c2207f0ca31962.txt'
  const bytes = readFileSync(file)
  const { disclosure } = parseText(file, bytes)
  const { front, back } = seedNarrative(bytes.toString('utf8'), disclosure!)
  assert.deepEqual(front.slice(0, 3), [
    { kind: 'title', text: '2026 年库尔勒市人民政府办公室' },
    { kind: 'title', text: '部门预算公开' },
    { kind: 'heading', level: 1, text: '目 录' },
  ])
  assert.deepEqual(front.at(-1), { kind: 'heading', level: 1, text: '第二部分 2026 年部门预算公开表' })
  assert.deepEqual(back[0], { kind: 'heading', level: 1, text: '第三部分 2026 年部门预算情况说明' })
  assert.ok(back.some((b) => b.kind === 'grid' && b.rows.some((r) => r.includes('政务服务热线回访率'))))
  const doc = documentOf(disclosure!, { front, back })
  assert.equal(doc.title, '2026 年库尔勒市人民政府办公室部门预算公开')
  assert.equal(doc.tables.length, 12)
})

test('blocksFromText: Markdown headings and markup, tab rows as grids, table rules dropped', () => {
  assert.deepEqual(blocksFromText(['### **第三部分 说明**', '', '一、关于收入', '正文，一句。', 'a\tb', '--\t--', '\tc', '后文。']), [
    { kind: 'heading', level: 1, text: '第三部分 说明' },
    { kind: 'heading', level: 2, text: '一、关于收入' },
    { kind: 'paragraph', text: '正文，一句。' },
    { kind: 'grid', rows: [['a', 'b'], ['', 'c']] },
    { kind: 'paragraph', text: '后文。' },
  ])
})

test('gridRow: a cell followed only by blanks spans to the end of the row', () => {
  assert.deepEqual(gridRow(['年度绩效目标', '', '很长的目标', '', ''], 5), [
    { text: '年度绩效目标', span: 1 }, { text: '', span: 1 }, { text: '很长的目标', span: 3 },
  ])
  assert.deepEqual(gridRow(['a', 'b'], 4), [{ text: 'a', span: 1 }, { text: 'b', span: 3 }])
})

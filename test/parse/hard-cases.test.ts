import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import type { Disclosure } from '../../src/model/index.ts'
import { parseLayout, parseText, toFacts } from '../../src/parse/index.ts'
import { textLayout } from '../../src/parse/layout.ts'

const seed = (id: string) => readFileSync(`examples/seeds/${{ '001': '001_6033798d33b6d9fb', '002': '002_40f9bb7e09049ed6', '003': '003_69c2207f0ca31962' }[id]}.txt`)
const parse = (name: string, bytes: Uint8Array | string) =>
  parseText(name, typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes).disclosure!
const cell = (d: Disclosure, table: string, row: string, column: string) =>
  d.tables.find((t) => t.key === table)?.rows.find((r) => r.key === row)?.cells.find((c) => c.column === column)
const expectedFacts = (id: string) => readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8')

test('interleaved two-sided table (seed 001 line 28): the income line and the class on one line are split', () => {
  const d = parse('001', seed('001'))
  const c = cell(d, 'summary', 'inc.general.own', 'amount')
  assert.equal(c?.value, '421.63')
  assert.equal(c?.place?.start.line, 28)
  const exp203 = d.tables.find((t) => t.key === 'summary')!.rows.find((r) => r.key === 'exp.203')
  assert.ok(exp203, '203 国防支出 is read as the right side of line 28')
  assert.equal(exp203.cells.length, 0)
  // Line 62: 其中：一般公共预算拨款 after 其他收入 is the carryover line, not inc.general.
  const row62 = d.tables.find((t) => t.key === 'summary')!.rows.find((r) => r.place?.start.line === 62 && r.key.startsWith('inc.'))
  assert.equal(row62?.key, 'inc.carryover.fiscal.general')
})

test('lost column (seed 002 一般公共预算支出情况表): numbers go to their true columns, decided across tables', () => {
  const d = parse('002', seed('002'))
  assert.equal(cell(d, 'general_expenditure', '201', 'total')?.value, '390.05')
  const project = cell(d, 'general_expenditure', '201', 'project')
  assert.equal(project?.value, '212.33')
  assert.equal(project?.assignment?.by, 'cross-table')
  assert.equal(cell(d, 'general_expenditure', '201', 'basic'), undefined, 'the lost 基本支出 is not invented')
  assert.equal(cell(d, 'general_expenditure', '2080505', 'total')?.value, '11.50')
})

test('blank cells lost in PDF text (seed 001): 0.73 0.73 is 合计 and 基本支出, 369.27 369.27 is 总计 and 一般公共预算', () => {
  const d = parse('001', seed('001'))
  assert.equal(cell(d, 'expenditure', '2080502', 'basic')?.value, '0.73')
  assert.equal(cell(d, 'expenditure', '2080502', 'project'), undefined)
  assert.equal(cell(d, 'income', '2010306', 'unit')?.value, '88.27')
  assert.equal(cell(d, 'income', '2010306', 'special_account'), undefined)
  assert.equal(cell(d, 'general_basic', '30201', 'public')?.assignment?.by, 'convention')
})

test('OCR-spaced numbers (seed 003): `1, 221. 42` is 1221.42', () => {
  const d = parse('003', seed('003'))
  const c = cell(d, 'summary', 'inc.current', 'amount')
  assert.equal(c?.raw, '1, 221. 42')
  assert.equal(c?.value, '1221.42')
  assert.equal(c?.fen, 1_221_420_000)
})

test('page break inside a table (seed 001 表2): the row after the repeated header belongs to the same table', () => {
  const d = parse('001', seed('001'))
  const c = cell(d, 'income', '2210201', 'total')
  assert.equal(c?.value, '14.19')
  assert.equal(c?.place?.start.line, 256)
  assert.equal(d.tables.filter((t) => t.key === 'income').length, 1)
})

test('a name wrapped over lines (seed 001 表2 line 165–169) keeps its numbers on the row', () => {
  const d = parse('001', seed('001'))
  const row = d.tables.find((t) => t.key === 'income')!.rows.find((r) => r.key === '2080505')!
  assert.equal(row.label, '机关事业单位基本养老保险缴费支出')
  assert.deepEqual(row.cells.map((c) => [c.column, c.value, c.place?.start.line]), [
    ['total', '17.33', 169],
    ['fiscal.subtotal', '17.33', 169],
    ['fiscal.general', '17.33', 169],
  ])
})

test('GB18030 input decodes to the same facts (tables 1–2 of seed 003, encoded with python gb18030)', () => {
  const d = parse('gb', readFileSync('test/fixtures/text/003-part.gb18030.txt'))
  const want = expectedFacts('003').split('\n').filter((l) => /^(summary|income),/.test(l))
  assert.deepEqual(toFacts(d).trim().split('\n').slice(1), want)
})

test('UTF-8 with BOM and UTF-16 (LE with BOM, BE without) give the same facts as UTF-8', () => {
  const text = seed('002').toString('utf8')
  const want = expectedFacts('002')
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
  const be = Buffer.from(text, 'utf16le').swap16()
  for (const bytes of [bom, le, be]) assert.equal(toFacts(parse('x', bytes)), want)
})

test('full-width digits, full-width brackets and stray spaces inside labels are normal input', () => {
  const text = seed('003')
    .toString('utf8')
    .replace('201 一般公共服务支出\t912. 02', '２０１ 一般公共 服务支出\t９１２．０２')
    .replace('5. 单位资金\t1. 99', '5. 单位 资金\t１．９９')
  assert.equal(toFacts(parse('fw', text)), expectedFacts('003'))
})

test('a table printed in 元 converts exactly to 万元, never rounded (constructed Shanghai-style document)', () => {
  const d = parse('yuan', readFileSync('test/fixtures/text/yuan-template.md'))
  assert.equal(
    toFacts(d),
    [
      'table,row,column,value',
      'summary,inc.fiscal,amount,4748.3458',
      'summary,exp.201,amount,4748.34582',
      'summary,inc.total,amount,4748.3458',
      'summary,exp.total,amount,4748.34582',
      'general_expenditure,201,total,328661.80822',
      'general_expenditure,201,basic,328661.80822',
      'general_expenditure,201,project,0.00',
      'general_expenditure,20101,total,0.10',
      'general_expenditure,20101,project,0.10',
      'general_expenditure,total,total,328661.90822',
      'general_expenditure,total,basic,328661.80822',
      'general_expenditure,total,project,0.10',
      'table3,label:会议费,c2,1.20',
      '',
    ].join('\n'),
  )
  const unknown = d.tables[2]!
  assert.equal(unknown.title, '某区示例局2026年部门会议费预算表')
  assert.deepEqual(unknown.columns, [{ key: 'c2', path: ['金额'] }])
  assert.equal(unknown.unit, '元')
})

test('a column the standard table does not have gets its own key, never a forced fit', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '表2',
    '部门收入总体情况表',
    '编制部门：某单位',
    '单位：万元',
    '科目编码\t科目名称\t总计\t一般公共预算\t事业收入',
    '201\t一般公共服务支出\t12.00\t10.00\t2.00',
    '\t合计\t12.00\t10.00\t2.00',
    '第三部分 情况说明',
    '某单位收入预算 12.00 万元，其中：一般公共预算 10.00 万元，占 83.33%，比上年增加 1.00 万元，增长 11.11%。',
    '事业收入 2.00 万元，占 16.67%。全部纳入预算管理，收支平衡。',
    '名词解释：一般公共预算，指……。',
  ].join('\n')
  const d = parse('extra', doc)
  const t = d.tables.find((t) => t.key === 'income')!
  assert.deepEqual(t.rows.find((r) => r.key === '201')!.cells.map((c) => [c.column, c.value]), [
    ['total', '12.00'],
    ['fiscal.general', '10.00'],
    ['x:事业收入', '2.00'],
  ])
  assert.ok(t.columns.some((c) => c.key === 'x:事业收入'))
})

test('a two-sided table whose classes are named without codes (一、一般公共服务支出) maps them by the complete 类 list', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '部门收支总体情况表',
    '单位：万元',
    '收入\t\t支出\t',
    '项目\t预算数\t项目\t预算数',
    '一、本年收入\t100.00\t一、一般公共服务支出\t80.00',
    '1.一般公共预算拨款\t100.00\t二、社会保障和就业支出\t20.00',
    '收入总计\t100.00\t支出总计\t100.00',
    '第三部分 情况说明',
    '某单位收支总预算 100.00 万元，全部为一般公共预算拨款，比上年增加 1.00 万元。',
    '一般公共服务支出 80.00 万元，占 80.00%，主要用于日常运转。',
    '社会保障和就业支出 20.00 万元，占 20.00%，主要用于社会保险缴费。',
  ].join('\n')
  assert.equal(
    toFacts(parse('named', doc)),
    [
      'table,row,column,value',
      'summary,inc.current,amount,100.00',
      'summary,exp.201,amount,80.00',
      'summary,inc.general,amount,100.00',
      'summary,exp.208,amount,20.00',
      'summary,inc.total,amount,100.00',
      'summary,exp.total,amount,100.00',
      '',
    ].join('\n'),
  )
})

test('a table continued on the next page under its repeated title, or under 续表, stays one table', () => {
  const lines = seed('003').toString('utf8').split('\n')
  // Seed 003 repeats 编制部门/单位 and the header of 表2 at line 189 (a page break); put a title or 续表 above it.
  for (const marker of ['部门收入总体情况表', '续表', '表 2（续）']) {
    const text = [...lines.slice(0, 188), marker, ...lines.slice(188)].join('\n')
    const d = parse('cont', text)
    assert.equal(d.tables.filter((t) => t.key.startsWith('income')).length, 1, marker)
    assert.equal(toFacts(d), expectedFacts('003'), marker)
  }
})

test('a 三公 table printed as one row under its item headers (Shanghai template) keeps every item, 机关运行经费 under a new key', () => {
  const doc = [
    '某区某局2026年部门预算',
    '表7',
    '某区某局2026年部门“三公”经费和机关运行经费预算表',
    '编制单位：某区某局\t单位：万元',
    '合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t机关运行经费',
    '\t\t\t小计\t购置费\t运行费\t',
    '12.00\t2.00\t3.00\t7.00\t0.00\t7.00\t50.00',
    '第三部分 其他相关情况说明',
    '2026年“三公”经费预算数为 12.00 万元，比上年减少 1.00 万元。其中：因公出国（境）费 2.00 万元，公务接待费 3.00 万元。',
    '机关运行经费预算数为 50.00 万元，主要用于日常办公。全部按规定使用，厉行节约。',
  ].join('\n')
  assert.equal(
    toFacts(parse('sh3', doc)),
    [
      'table,row,column,value',
      'three_public,total,total,12.00',
      'three_public,overseas,total,2.00',
      'three_public,reception,total,3.00',
      'three_public,vehicles,total,7.00',
      'three_public,vehicles.purchase,total,0.00',
      'three_public,vehicles.operation,total,7.00',
      'three_public,x:机关运行经费,total,50.00',
      '',
    ].join('\n'),
  )
})

test('an income line OCR misread (一航公共顾算抵欲, unsure) is the next standard line it resembles, with a warning; a sure unknown line is reported, not kept', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '部门收支总体情况表',
    '单位：万元',
    '收入\t\t支出\t',
    '项目\t预算数\t项目\t预算数',
    '一、本年收入\t100.00\t一、一般公共服务支出\t100.00',
    '1.一航公共顾算抵欲\t100.00\t\t',
    '收入总计\t100.00\t支出总计\t100.00',
    '第三部分 情况说明',
    '某单位收支总预算 100.00 万元，全部为一般公共预算拨款，比上年增加 1.00 万元，主要用于日常运转。',
  ].join('\n')
  const read = (confidence: number) => {
    const layout = textLayout('ocr-income', doc)
    const cell = layout.lines[6]!.cells![0]!
    cell.confidence = confidence
    return parseLayout(layout)
  }
  const unsure = read(0.41)
  assert.equal(toFacts(unsure.disclosure!).split('\n').filter((l) => l.includes('inc.general')).join(), 'summary,inc.general,amount,100.00')
  const guess = unsure.diagnostics.find((d) => d.ruleId === 'parse/row-by-order')
  assert.equal(guess?.severity, 'warning')
  assert.match(guess!.message, /一航公共顾算抵欲.*一般公共预算拨款/)
  assert.equal(guess!.place?.start.line, 7)
  // Read with confidence, the same words are another template's line: reported, and its figure is not a fact.
  const sure = read(0.93)
  assert.ok(!toFacts(sure.disclosure!).includes('inc.general'))
  const unnamed = sure.diagnostics.find((d) => d.ruleId === 'parse/unnamed-row')
  assert.match(unnamed!.message, /一航公共顾算抵欲.*100\.00/)
  assert.equal(unnamed!.place?.start.line, 7)
})

/** The one printed table and the narrative of the two contents-entry documents below. */
const CONTENTS_SUMMARY = [
    '部门收支总体情况表',
    '单位：万元',
    '收入\t\t支出\t',
    '项目\t预算数\t项目\t预算数',
    '一、本年收入\t100.00\t一、一般公共服务支出\t100.00',
    '收入总计\t100.00\t支出总计\t100.00',
]
const CONTENTS_NARRATIVE = [
    '第三部分 情况说明',
    '某单位收支总预算 100.00 万元，全部为一般公共预算拨款，比上年增加 1.00 万元，主要用于日常运转。',
]

test('a contents entry printed as a bare title (a scanned 目录 loses its list marks) does not take the key of the table it names', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '目录',
    '部门收支总体情况表',
    '部门收入总体情况表',
    '第二部分 公开表',
    ...CONTENTS_SUMMARY,
    ...CONTENTS_NARRATIVE,
  ].join('\n')
  const d = parse('contents', doc)
  // The entry of a table the document does not print stays, empty, as before.
  assert.deepEqual(d.tables.map((t) => [t.key, t.place?.start.line]), [['income', 4], ['summary', 6]])
  assert.ok(toFacts(d).includes('summary,inc.current,amount,100.00'))
})

test('a bare contents entry of a table printed empty gives the key to the printed table, with its note or without (unread)', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '目录',
    '部门收支总体情况表',
    '政府性基金预算支出情况表',
    '第二部分 公开表',
    ...CONTENTS_SUMMARY,
    '政府性基金预算支出情况表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '注：本单位没有政府性基金预算支出，本表为空表。',
    ...CONTENTS_NARRATIVE,
  ].join('\n')
  const d = parse('contents-empty', doc)
  const keys = (d: Disclosure) => d.tables.map((t) => [t.key, t.place?.start.line, t.rows.length])
  assert.deepEqual(keys(d), [
    ['summary', 6, 4],
    ['gov_fund', 12, 0],
  ])
  // The same when OCR has not read the note: the later of two empty tables is the printed one.
  const unread = parse('contents-empty-unread', doc.replace('本表为空表', '本表为室表'))
  assert.equal(unread.tables[1]!.emptyNote, undefined)
  assert.deepEqual(keys(unread), keys(d))
})

test('a header word one character off (OCR: 项自支出) names its column instead of opening a new one', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '部门支出总体情况表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项自支出',
    '201\t一般公共服务支出\t12.00\t\t12.00',
    '第三部分 情况说明',
    '某单位支出预算 12.00 万元，全部为项目支出，比上年增加 1.00 万元，主要用于日常运转。',
    '项目支出 12.00 万元，占 100.00%，主要用于日常运转，按规定执行。',
    '名词解释：项目支出，指……。',
  ].join('\n')
  const row = parse('ocr-header', doc).tables[0]!.rows.find((r) => r.key === '201')!
  assert.deepEqual(row.cells.map((c) => [c.column, c.value]), [['total', '12.00'], ['project', '12.00']])
})

test('a figure whose column nothing decides is placed left to right with a warning, never silently', () => {
  // Plain text, no sibling table: 5.00 in a 合计/基本支出/项目支出 row could be 基本 or 项目.
  const doc = [
    '某单位 2025 年部门预算公开',
    '表3',
    '部门支出总体情况表',
    '单位：万元',
    '科目编码 科目名称 合计 基本支出 项目支出',
    '201 03 01 行政运行 5.00 5.00',
    '第三部分 情况说明',
    '某单位支出预算 5.00 万元，比上年增加 1.00 万元，主要用于日常运转。',
    '基本支出 5.00 万元，占 100.00%，主要用于人员工资，按规定执行。',
  ].join('\n')
  const r = parseText('undecided', new TextEncoder().encode(doc))
  const cells = r.disclosure!.tables[0]!.rows[0]!.cells
  assert.deepEqual(cells.map((c) => [c.column, c.assignment?.by]), [['total', 'order'], ['basic', 'order']])
  const d = r.diagnostics.find((d) => d.ruleId === 'parse/column-undecided')
  assert.equal(d?.severity, 'warning')
  assert.equal(d?.place?.start.line, 6)
})

test('a plain-text table that prints its columns in another order is read in its own order', () => {
  const doc = [
    '某单位 2025 年部门预算公开',
    '表3',
    '部门支出总体情况表',
    '单位：万元',
    '科目编码 科目名称 项目支出 基本支出 合计',
    '201 03 01 行政运行 2.00 3.00 5.00',
    '第三部分 情况说明',
    '某单位支出预算 5.00 万元，比上年增加 1.00 万元，主要用于日常运转。',
    '基本支出 3.00 万元，占 60.00%，主要用于人员工资，按规定执行。',
  ].join('\n')
  const row = parse('order', doc).tables[0]!.rows[0]!
  assert.deepEqual(row.cells.map((c) => [c.column, c.value]), [['project', '2.00'], ['basic', '3.00'], ['total', '5.00']])
})

test('a title printed spaced out (部 门 决 算) still makes the document 决算; 部门预算 makes it 预算', () => {
  const body = [
    '表1',
    '部门收支总体情况表',
    '单位：万元',
    '项目\t金额',
    '一般公共预算拨款收入\t12.00',
    '第三部分 情况说明',
    '某单位收入 12.00 万元，全部为财政拨款。收支平衡，无结余。名词解释：财政拨款，指……。',
  ]
  assert.equal(parse('spaced', ['某单位 2024 年 部 门 决 算', ...body].join('\n')).kind, '决算')
  assert.equal(parse('spaced', ['某单位 2024 年 部门 决算 公开', ...body].join('\n')).kind, '决算')
  assert.equal(parse('budget', ['某单位 2025 年部门预算公开', ...body].join('\n')).kind, '预算')
  assert.equal(parse('spaced', ['某单位 2025 年 部 门 预 算', ...body].join('\n')).kind, '预算')
})

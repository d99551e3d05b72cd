import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { Diagnostic, Table } from '../../src/model/index.ts'
import { parseText } from '../../src/parse/index.ts'
import { textLayout } from '../../src/parse/layout.ts'
import { readNarrative } from '../../src/parse/narrative/index.ts'
import { parseTarget } from '../../src/parse/narrative/targets.ts'

const SEED = {
  '001': 'examples/seeds/001_6033798d33b6d9fb.txt',
  '002': 'examples/seeds/002_40f9bb7e09049ed6.txt',
  '003': 'examples/seeds/003_69c2207f0ca31962.txt',
}
const parseSeed = (id: keyof typeof SEED) => parseText(SEED[id], readFileSync(SEED[id]))
const sourceLine = (id: keyof typeof SEED, n: number) => readFileSync(SEED[id], 'utf8').split('\n')[n - 1]!

function narrative(text: string, tables: Table[] = []) {
  const diagnostics: Diagnostic[] = []
  return { ...readNarrative(textLayout('t.txt', text), tables, diagnostics), diagnostics }
}

test('001: a claim broken over lines (blank lines between) keeps each number at its own line and column', () => {
  const d = parseSeed('001').disclosure!
  const c = d.claims.find((x) => x.code === '2080506')!
  // l.685 `…预算数为 8.66 万元，比上年预算增加 1.31` / l.686 ` 万元，增长 17.82%。主要原因是…预算增` / l.688 `加。`
  const l685 = sourceLine('001', 685)
  assert.deepEqual(c.amount?.place?.start, { line: 685, column: l685.indexOf('8.66') + 1 })
  assert.deepEqual(c.change?.place?.start, { line: 685, column: l685.indexOf('1.31') + 1 })
  assert.equal(c.change?.value, '1.31')
  assert.deepEqual(c.rate?.place, { file: SEED['001'], start: { line: 686, column: 8 }, end: { line: 686, column: 13 } })
  assert.equal(c.rate?.hundredths, 1782)
  assert.equal(c.reason?.text, '人员工资普调,社会保险费基数增高,预算增加')
  assert.equal(c.reason?.place?.end?.line, 688)
  assert.deepEqual(c.path, ['社会保障和就业支出', '行政事业单位养老支出', '机关事业单位职业年金缴费支出'])
})

test('OCR-spaced numbers: `1, 219. 43` is 1219.43 and keeps its printed form', () => {
  const { claims } = narrative('一般公共预算 1, 219. 43 万元，占 99. 84%，比上年预算减少 112. 96 万元，下降 8. 48%，主要原因是项目减少。')
  const [c] = claims
  assert.ok(c)
  assert.equal(c.subject, '一般公共预算')
  assert.deepEqual([c.amount?.value, c.amount?.fen, c.amount?.raw], ['1219.43', 1_219_430_000, '1, 219. 43'])
  assert.deepEqual([c.share?.value, c.share?.hundredths, c.share?.raw], ['99.84', 9984, '99. 84'])
  assert.deepEqual([c.change?.value, c.change?.fen], ['-112.96', -112_960_000])
  assert.deepEqual([c.rate?.value, c.rate?.hundredths], ['-8.48', -848])
  assert.equal(c.reason?.text, '项目减少')
  assert.deepEqual(c.amount?.place?.start, { line: 1, column: 8 })
})

test('003: 1,100.00% is 110000 hundredths', () => {
  const c = parseSeed('003').disclosure!.claims.find((x) => x.code === '2013299')!
  assert.deepEqual([c.rate?.value, c.rate?.hundredths, c.rate?.raw], ['1100.00', 110000, '1,100.00'])
})

test('003: the 科学技术支出 line has no table row, so no code; codes never cross classes', () => {
  const d = parseSeed('003').disclosure!
  const c = d.claims.find((x) => x.subject.startsWith('科学技术支出'))!
  assert.equal(c.code, undefined)
  assert.equal(c.section, 'general_detail')
  const row = (code: string, label: string) => ({ key: code, label, code, cells: [] })
  const table: Table = {
    key: 'income', unit: '万元', recognisedBy: 'title', columns: [], empty: false,
    rows: [row('201', '一般公共服务支出'), row('20101', '人大事务'), row('2010101', '行政运行'), row('20103', '政府办公厅(室)及相关机构事务'), row('2010301', '行政运行'), row('205', '教育支出')],
  }
  const { claims } = narrative(
    [
      '1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2026 年预算数为 10.00 万元。',
      '2. 教育支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：2026 年预算数为 1.00 万元。',
      '3. 一般公共服务支出（类）人大事务（款）行政运行（项）：2026 年预算数为 2.00 万元。',
    ].join('\n'),
    [table],
  )
  assert.deepEqual(claims.map((x) => x.code), ['2010301', undefined, '2010101'])
})

test('qualitative and numeric 指标值', () => {
  const d = parseSeed('002').disclosure!
  const ind = d.performance.tables[1]!.indicators.find((i) => i.name === '提升公共服务水平')!
  assert.equal(ind.qualitative, true)
  assert.equal(ind.comparator, undefined)
  assert.equal(ind.value, undefined)
  assert.deepEqual(parseTarget('≥ 2000 件'), { comparator: '>=', value: '2000', unit: '件', qualitative: false })
  assert.deepEqual(parseTarget('<=15.5 万元/季度'), { comparator: '<=', value: '15.5', unit: '万元/季度', qualitative: false })
  assert.deepEqual(parseTarget('≤1.99 15 万元'), { comparator: '<=', value: '1.9915', unit: '万元', qualitative: false })
  assert.deepEqual(parseTarget('有效提高'), { qualitative: true })
  assert.deepEqual(parseTarget('2026 年 12 月 20 日前'), { qualitative: false })
  assert.deepEqual(parseTarget('不低于 95%'), { comparator: '>=', value: '95', unit: '%', qualitative: false })
})

test('001: the interleaved PDF target table, with the ambiguous weights of l.915/l.919 flagged', () => {
  const { disclosure, diagnostics } = parseSeed('001')
  const t = disclosure!.performance.tables[0]!
  assert.equal(t.kind, 'department')
  assert.equal(t.indicators.length, 9)
  const amb = t.indicators[6]!
  assert.equal(amb.name, '帮办代办便民服务类业务')
  assert.equal(amb.weight, undefined)
  const d = diagnostics.find((x) => x.ruleId === 'parse/target-weight-ambiguous')
  assert.equal(d?.place?.start.line, 911)
  assert.match(d?.message ?? '', /17、25/)
  assert.deepEqual(d?.path, ['performance', 'tables', 0, 'indicators', 6])
})

test('other phrasings: 较上年, 降低, 元, 主要原因：, 与上年持平, 占比', () => {
  const { claims, operatingCosts } = narrative(
    [
      '单位资金 50,000.00 元，占比 10.00%，较上年减少 10,000.00 元，降低 16.67%，主要原因：收入减少。',
      '某单位 2025 年的机关运行经费财政拨款预算 20.00 万元，与上年持平。',
    ].join('\n'),
  )
  const [a, b] = claims
  assert.deepEqual([a?.amount?.value, a?.amount?.fen, a?.share?.hundredths, a?.change?.value, a?.rate?.hundredths, a?.reason?.text], ['5.00', 5_000_000, 1000, '-1.00', -1667, '收入减少'])
  assert.equal(b?.section, 'operating_costs')
  assert.deepEqual([b?.change?.fen, b?.change?.raw, b?.rate?.hundredths], [0, '持平', 0])
  assert.equal(operatingCosts, b)
})

test('empty-table sentences are exposed as `emptyTables`, with the spec key of the table they name', () => {
  const d = parseSeed('002').disclosure!
  assert.deepEqual(
    d.emptyTables?.map((e) => [e.key, e.table]),
    [
      ['gov_fund', '政府性基金预算支出情况表'], ['state_capital', '国有资本经营预算支出情况表'],
      ['three_public', '财政拨款“三公”经费支出情况表'], ['carryover', '结转结余预算支出情况表'],
      ['gov_fund', '政府性基金预算支出情况表'], ['state_capital', '国有资本经营预算支出情况表'], ['carryover', '结转结余预算支出情况表'],
    ],
  )
})

test('001: glossary definitions without their lost terms; counts stated twice are both kept', () => {
  const d = parseSeed('001').disclosure!
  assert.equal(d.glossary.length, 8)
  assert.ok(d.glossary.every((g) => g.term === undefined))
  assert.match(d.glossary[0]!.definition, /^指由一般公共预算/)
  const non = d.performance.counts.filter((c) => c.kind === 'nonfiscal_project')
  assert.deepEqual(non.map((c) => [c.count, c.amount?.value]), [[0, '88.27'], [1, '88.27']])
  assert.match(d.performance.notes[0]!.value, /未公开绩效目标表原因/)
})

test('three 三公 statements of change complete the claims stated with amounts (one claim per subject)', () => {
  const d = parseSeed('003').disclosure!
  const tp = d.claims.filter((c) => c.section === 'three_public')
  assert.equal(tp.length, 5)
  assert.ok(tp.every((c) => c.amount && c.change && c.rate))
  assert.equal(tp[0]!.text, '库尔勒市人民政府办公室2026年财政拨款“三公”经费数为2.40万元;2026年财政拨款“三公”经费预算比上年预算增加0.00万元,增长0.00%')
})

test('a differently phrased disclosure (synthetic, test/fixtures/narrative-other-province.txt)', () => {
  const text = readFileSync('test/fixtures/narrative-other-province.txt', 'utf8')
  const d = narrative(text)
  const claims = d.claims.map((c) => [c.section, c.key ?? c.subject, c.amount?.value, c.share?.value, c.change?.value, c.rate?.value])
  assert.deepEqual(claims, [
    ['income', 'total', '12345.67', undefined, '345.67', '2.88'],
    ['income', 'total', '12345.67', undefined, undefined, undefined],
    ['income', 'general', '10000.00', '81.00', undefined, undefined],
    ['income', 'gov_fund', '0.00', undefined, undefined, undefined],
    ['income', 'unit.business', '2345.67', '19.00', undefined, undefined],
    ['expenditure', 'total', '12345.67', undefined, undefined, undefined],
    ['expenditure', 'basic', '9000.00', '72.90', undefined, undefined],
    ['expenditure', 'project', '3345.67', '27.10', undefined, undefined],
    ['three_public', 'total', '12.00', undefined, '-3.00', '-20.00'],
    ['three_public', 'overseas', '0.00', undefined, '0.00', '0.00'],
    ['three_public', 'reception', '4.00', undefined, '-1.00', undefined],
    ['three_public', 'vehicles', '8.00', undefined, undefined, undefined],
    ['operating_costs', 'total', '300.00', undefined, '-20.00', '-6.25'],
  ])
  assert.deepEqual(d.overview.units.map((u) => u.value), ['第一中学', '第二中学', '实验小学'])
  assert.deepEqual([d.overview.staffing.authorized?.value, d.overview.staffing.activeIncrease?.value, d.overview.staffing.retiredIncrease?.value], [120, -2, 3])
  assert.deepEqual([d.procurement?.total?.value, d.procurement?.goods?.value, d.procurement?.works?.value, d.procurement?.services?.value], ['500.00', '300.00', '100.00', '100.00'])
  assert.deepEqual(d.assets?.vehicles.map((v) => [v.kind, v.count?.value]), [['车辆', 3], ['一般公务用车', 2], ['执法执勤用车', 1]])
  assert.deepEqual([d.assets?.asOfYear?.value, d.assets?.equipment50?.value, d.assets?.equipment100?.value], [2024, 4, 1])
  assert.deepEqual(d.glossary.map((g) => g.term), ['财政拨款收入'])
  assert.deepEqual(d.sections.map((s) => s.kind), ['summary', 'income', 'expenditure', 'three_public', 'other', 'operating_costs', 'procurement', 'assets'])
})

test('DOCX, HTML and PDF versions of the seeds give the same narrative values as the text', async () => {
  const { parseFile } = await import('../../src/parse/index.ts')
  const values = (d: import('../../src/model/index.ts').Disclosure) => ({
    claims: d.claims.map((c) => [c.section, c.subject, c.key, c.code, c.amount?.value, c.share?.value, c.change?.value, c.rate?.value, c.reason?.text]),
    procurement: [d.procurement?.total?.value, d.procurement?.goods?.value, d.procurement?.works?.value, d.procurement?.services?.value, d.procurement?.sme?.value, d.procurement?.smallMicro?.value],
    counts: d.performance.counts.map((c) => [c.kind, c.count, c.amount?.value]),
    targets: d.performance.tables.map((t) => [t.kind, t.name, t.indicators.map((i) => [i.name, i.target, i.weight])]),
    glossary: d.glossary.map((g) => g.term),
    sections: d.sections.map((x) => x.kind),
    empty: d.emptyTables?.map((e) => e.key),
  })
  for (const id of ['001', '002', '003'] as const) {
    const text = values(parseSeed(id).disclosure!)
    // The PDFs lack the staffing sentence of 002 and a few commas of the glossary; staffing and definitions are not compared.
    for (const ext of ['docx', 'html', 'pdf']) {
      const f = `test/fixtures/formats/${id}.${ext}`
      const r = await parseFile(f, readFileSync(f))
      assert.deepEqual(values(r.disclosure!), text, f)
    }
  }
})

test('a previous-year amount stated in the sentence is `previous`, not a claim of its own', () => {
  const { claims } = narrative('本年收入预算 421.63 万元，较上年预算数 460.71 万元减少 39.08 万元，下降 8.48%，主要原因是人员减少。')
  assert.equal(claims.length, 1)
  assert.deepEqual(
    [claims[0]?.key, claims[0]?.amount?.value, claims[0]?.previous?.value, claims[0]?.change?.value, claims[0]?.rate?.hundredths],
    ['total', '421.63', '460.71', '-39.08', -848],
  )
})

test('a department whose name holds 国有资产 does not send its sentences to 国有资产占用', () => {
  const { claims, assets } = narrative(
    ['编制部门：某县国有资产监督管理委员会', '某县国有资产监督管理委员会部门收入预算 100.00 万元，其中：', '一般公共预算 100.00 万元，占 100.00%。'].join('\n'),
  )
  assert.equal(assets, undefined)
  assert.deepEqual(claims.map((c) => [c.section, c.key, c.amount?.value]), [['income', 'total', '100.00'], ['income', 'general', '100.00']])
})

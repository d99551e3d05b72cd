import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeHtml, readHtml } from '../../src/parse/html/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { EXPENDITURE_FACTS } from './office-expected.ts'

/** GBK encoding without an iconv dependency: invert Node's GB18030 decoder over the two-byte range. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, [number, number]>()
  const dec = new TextDecoder('gb18030')
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const ch = dec.decode(new Uint8Array([a, b]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b])
    }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const pair = table.get(ch)
      assert.ok(pair, `no GBK code for ${ch}`)
      out.push(...pair)
    }
  }
  return new Uint8Array(out)
}

/** A 部门支出总体情况表 page as content systems publish them: GB2312, a layout table around the content, a header with rowspan and colspan. */
const PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某局2026年部门预算</title>
<script>var x = "<td>不是表格</td>";</script></head>
<body><table width="100%"><tr><td>
<h1>某局2026年部门预算</h1>
<p>表3</p><p align="center"><b>部门支出总体情况表</b></p>
<p>编制部门：某局&nbsp;&nbsp;单位：万元</p>
<table border="1">
<tr><td colspan="3">功能分类科目编码</td><td rowspan="2">功能分类科目名称</td><td colspan="3">支出预算</td></tr>
<tr><td>类</td><td>款</td><td>项</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td>201</td><td></td><td></td><td>一般公共服务支出</td><td>390.05</td><td>177.72</td><td>212.33</td></tr>
<tr><td>201</td><td>03</td><td>50</td><td>事业<br>运行</td><td>242.00</td><td>177.72</td><td>64.28</td></tr>
<tr><td>208</td><td>05</td><td>05</td><td><span>机关事业单位基本养老保险缴费支出</span></td><td>11.50</td><td>11.50</td><td>&nbsp;</td></tr>
<tr><td colspan="4">合计</td><td>401.55</td><td>189.22</td><td>212.33</td></tr>
</table>
<div style="display:none">隐藏的内容</div>
<p>注：本表为示例。</p>
</td></tr></table></body></html>
`

test('HTML: a GB2312 page decodes by its meta charset', () => {
  const d = decodeHtml(gbk(PAGE))
  assert.equal(d.encoding, 'gb18030')
  assert.equal(d.by, 'meta')
  assert.equal(d.text, PAGE)
})

test('HTML: rowspan and colspan become first-cell text plus empty cells; layout tables read as blocks', () => {
  const { layout } = readHtml('p.html', gbk(PAGE))
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    [
      '某局2026年部门预算',
      '表3',
      '部门支出总体情况表',
      '编制部门:某局  单位:万元',
      '功能分类科目编码\t\t\t功能分类科目名称\t支出预算\t\t',
      '类\t款\t项\t\t合计\t基本支出\t项目支出',
      '201\t\t\t一般公共服务支出\t390.05\t177.72\t212.33',
      '201\t03\t50\t事业 运行\t242.00\t177.72\t64.28',
      '208\t05\t05\t机关事业单位基本养老保险缴费支出\t11.50\t11.50\t',
      '合计\t\t\t\t401.55\t189.22\t212.33',
      '注:本表为示例。',
    ],
  )
  // A cell's place is its element in the HTML source: line 12 is the 242.00 row.
  const cell = layout.lines[7]!.cells![4]!
  assert.equal(cell.text, '242.00')
  const src = PAGE.split('\n')[11]!
  assert.equal(cell.place?.start.line, 12)
  assert.equal(src.slice(cell.place!.start.column - 1, cell.place!.end!.column - 1), '<td>242.00</td>')
  assert.equal(PAGE.slice(cell.place!.start.offset, cell.place!.end!.offset), '<td>242.00</td>')
  // The covered slots of 功能分类科目名称 (rowspan) and 支出预算 (colspan) are empty.
  assert.deepEqual(layout.lines[5]!.cells!.map((c) => c.text), ['类', '款', '项', '', '合计', '基本支出', '项目支出'])
  const merge = (c: object) => [(c as { colSpan?: number }).colSpan, (c as { rowSpan?: number }).rowSpan, (c as { covered?: true }).covered ?? false]
  assert.deepEqual(layout.lines[4]!.cells!.map(merge), [[3, 1, false], [1, 1, true], [1, 1, true], [1, 2, false], [3, 1, false], [1, 1, true], [1, 1, true]])
  assert.deepEqual(merge(layout.lines[5]!.cells![3]!), [1, 1, true])
  assert.equal(layout.lines[0]!.place?.start.line, 5)
})

test('HTML: the page parses to the expected facts, placed in the HTML source', () => {
  const { disclosure } = parseLayout(readHtml('p.html', gbk(PAGE)).layout)
  assert.equal(
    toFacts(disclosure!),
    [
      'table,row,column,value',
      ...EXPENDITURE_FACTS,
      '',
    ].join('\n'),
  )
  const total = disclosure!.tables[0]!.rows.find((r) => r.key === 'total')!.cells[0]!
  assert.equal(total.place?.start.line, 14)
})

test('HTML: UTF-8 without a declaration, UTF-8 with BOM and GBK without a declaration all decode', () => {
  const page = '<p>部门预算</p><table><tr><td>项目</td><td>预算数</td></tr></table>'
  for (const bytes of [new TextEncoder().encode(page), new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page)]), gbk(page)]) {
    assert.deepEqual(readHtml('x.html', bytes).layout.lines.map((l) => l.text), ['部门预算', '项目\t预算数'])
  }
})

test('HTML: an empty or binary file is a clear error naming the file', () => {
  assert.throws(() => readHtml('e.html', new Uint8Array()), /^OfficeError: e\.html: 文件为空/)
  assert.throws(() => readHtml('b.html', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])), /b\.html: 不是 HTML 文件/)
})

test('HTML: rowspan="0" runs to the end of the table, ragged rows are padded, pre keeps its lines, hidden content is left out', () => {
  const page = `<body><p>第一行<br>第二行</p><pre>表1
  部门收支总体情况表</pre>
<table><tr><th rowspan="0">项目</th><th>金额</th><th>备注</th></tr><tr><td>1.00</td></tr><tr><td>2.00</td><td hidden>x</td><td>注</td></tr></table>
<p hidden>隐藏</p><noscript>请启用脚本</noscript></body>`
  const { layout } = readHtml('r.html', new TextEncoder().encode(page))
  assert.deepEqual(layout.lines.map((l) => l.text), ['第一行', '第二行', '表1', '部门收支总体情况表', '项目\t金额\t备注', '\t1.00\t', '\t2.00\t注'])
})

test('HTML: a page declaring UTF-8 that is GBK, a UTF-8 page declaring GB2312, and an XHTML page declaring GBK in its XML declaration, both decode', () => {
  const body = '<p>部门预算</p>'
  const lying = gbk(`<html><head><meta charset="utf-8"></head><body>${body}</body></html>`)
  assert.equal(decodeHtml(lying).encoding, 'gb18030')
  assert.deepEqual(readHtml('l.html', lying).layout.lines.map((l) => l.text), ['部门预算'])
  const utf8UnderGbMeta = new TextEncoder().encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${body}</body></html>`)
  assert.deepEqual(decodeHtml(utf8UnderGbMeta).encoding, 'utf-8')
  assert.deepEqual(readHtml('u.html', utf8UnderGbMeta).layout.lines.map((l) => l.text), ['部门预算'])
  const xhtml = gbk(`<?xml version="1.0" encoding="GBK"?><html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`)
  assert.equal(decodeHtml(xhtml).by, 'meta')
  assert.deepEqual(readHtml('x.html', xhtml).layout.lines.map((l) => l.text), ['部门预算'])
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readDocx } from '../../src/parse/docx/index.ts'
import { zip } from './docx-zip.ts'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const docx = (body: string) => zip([{ name: 'word/document.xml', data: new TextEncoder().encode(`<w:document ${W}><w:body>${body}</w:body></w:document>`) }])
const p = (...runs: string[]) => `<w:p>${runs.map((r) => (r.startsWith('<') ? r : `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`)).join('')}</w:p>`
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`

test('DOCX by hand: gridBefore/gridAfter, hMerge, vMerge with stale text, a nested table, fields, hyperlinks, drawings', () => {
  const body = [
    `<w:sdt><w:sdtContent>${p('表1')}</w:sdtContent></w:sdt>`,
    p('编制单位：某局', '<w:r><w:tab/></w:r>', '单位：万元'),
    p('第一行', '<w:r><w:br/></w:r>', '第二行'),
    p('<w:r><w:drawing><wp:inline xmlns:wp="wp"><a:t xmlns:a="a">图表里的 999.99</a:t></wp:inline></w:drawing></w:r>', '正文'),
    `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`,
    `<w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('金额', '<w:hMerge w:val="restart"/>')}${tc('', '<w:hMerge/>')}${tc('备注')}</w:tr>`,
    `<w:tr>${tc('项目（旧）', '<w:vMerge/>')}${tc('上年')}${tc('本年')}${tc('')}</w:tr>`,
    `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('1.00')}${tc('2.00')}</w:tr>`,
    `<w:tr>${tc('合计')}<w:tc><w:p/><w:tbl><w:tr>${tc('3.00')}${tc('(含 1.00)')}</w:tr></w:tbl></w:tc>${tc('<w:hyperlink><w:r><w:t>4.00</w:t></w:r></w:hyperlink>')}<w:tc>${p('<w:fldSimple w:instr="=SUM(ABOVE)"><w:r><w:t>5.00</w:t></w:r></w:fldSimple>')}</w:tc></w:tr>`,
    `</w:tbl>`,
    p('<w:del><w:r><w:delText>删去的</w:delText></w:r></w:del>', '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText> PAGE </w:instrText></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', '7', '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
  ].join('')
  const { layout } = readDocx('h.docx', docx(body))
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    ['表1', '编制单位:某局\t单位:万元', '第一行', '第二行', '正文', '项目\t金额\t\t备注', '\t上年\t本年\t', '\t1.00\t2.00\t', '合计\t3.00 (含 1.00)\t4.00\t5.00', '7'],
  )
  assert.deepEqual(layout.lines[1]!.cells!.map((c) => [c.text, c.start]), [['编制单位:某局', 0], ['单位:万元', 8]])
  assert.equal(layout.lines[2]!.cells, undefined)
})

test('DOCX: a relationship to a main part elsewhere is followed', () => {
  const rels = '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>'
  const enc = (s: string) => new TextEncoder().encode(s)
  const bytes = zip([
    { name: '_rels/.rels', data: enc(rels) },
    { name: 'word/document2.xml', data: enc(`<w:document ${W}><w:body>${p('部门预算')}</w:body></w:document>`) },
  ])
  assert.deepEqual(readDocx('r.docx', bytes).layout.lines.map((l) => l.text), ['部门预算'])
})

test('DOCX: text boxes are read once (DrawingML choice, not the VML fallback), after their paragraph', () => {
  const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`
  const run = `<w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="wp"><a:graphic xmlns:a="a"><a:graphicData><wps:wsp xmlns:wps="wps"><wps:txbx>${box('2026年某局部门预算')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="v"><v:textbox>${box('2026年某局部门预算')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
  const { layout } = readDocx('box.docx', docx(p('封面', run) + p('目录')))
  assert.deepEqual(layout.lines.map((l) => l.text), ['封面', '2026年某局部门预算', '目录'])
})

test('DOCX: a table whose cell holds a table lays out the page: its cells are read as body content', () => {
  const inner = `<w:tbl><w:tr>${tc('项目')}${tc('金额')}</w:tr><w:tr>${tc('合计')}${tc('1.00')}</w:tr></w:tbl>`
  const { layout } = readDocx('frame.docx', docx(`<w:tbl><w:tr><w:tc>${p('表1')}${inner}${p('注：示例')}</w:tc></w:tr></w:tbl>`))
  assert.deepEqual(layout.lines.map((l) => l.text), ['表1', '项目\t金额', '合计\t1.00', '注:示例'])
})

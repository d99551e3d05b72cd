import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { gunzipSync } from 'node:zlib'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { readOffice } from '../../src/parse/office/index.ts'

/**
 * Seed 002 as another producer writes it: test/fixtures/office/002-libreoffice.* were made from
 * test/fixtures/formats/002.docx by LibreOffice 7.4 (Debian), so that the readers meet XML and
 * HTML they were not written against:
 *
 *   soffice --headless --convert-to 'docx:MS Word 2007 XML' 002.docx     → 002-libreoffice.docx
 *   soffice --headless --convert-to 'html:XHTML Writer File:UTF8' 002.docx → 002-libreoffice.xhtml (gzip)
 *   soffice --headless --convert-to 'html:HTML (StarWriter)' 002.docx     → 002-libreoffice.html (gzip)
 *   soffice --headless --convert-to 'doc:MS Word 97' 002.docx             → 002-libreoffice.doc (gzip)
 *
 * and from test/fixtures/formats/002.xlsx by LibreOffice Calc 7.4:
 *
 *   soffice --headless --convert-to 'xlsx:Calc MS Excel 2007 XML' 002.xlsx → 002-libreoffice.xlsx
 *   soffice --headless --convert-to 'xls:MS Excel 97' 002.xlsx            → 002-libreoffice.xls (gzip)
 *   soffice --headless --convert-to 'html:HTML (StarCalc)' 002.xlsx       → 002-libreoffice-calc.html (gzip)
 */
const DIR = 'test/fixtures/office'
const expected = readFileSync('test/fixtures/seeds/002.facts.csv', 'utf8').trim().split('\n').sort()
const facts = (file: string, bytes: Uint8Array) => toFacts(parseLayout(readOffice(file, bytes)!.layout).disclosure!).trim().split('\n').sort()

test('a DOCX re-saved by LibreOffice gives the facts of seed 002', () => {
  assert.deepEqual(facts('lo.docx', readFileSync(`${DIR}/002-libreoffice.docx`)), expected)
})

test('LibreOffice XHTML and HTML exports give the facts of seed 002', () => {
  assert.deepEqual(facts('lo.xhtml', gunzipSync(readFileSync(`${DIR}/002-libreoffice.xhtml.gz`))), expected)
  assert.deepEqual(facts('lo.html', gunzipSync(readFileSync(`${DIR}/002-libreoffice.html.gz`))), expected)
})

test('a real Word 97 .doc written by LibreOffice is refused as legacy, with the conversion to use', () => {
  assert.throws(
    () => readOffice('002.doc', gunzipSync(readFileSync(`${DIR}/002-libreoffice.doc.gz`))),
    (e: Error & { problem?: string }) => e.problem === 'legacy' && /^002\.doc: 旧版 Office 二进制格式 \.doc \(Word 97–2003\).*--convert-to docx/.test(e.message),
  )
})

test('an XLSX re-saved by LibreOffice Calc gives the facts of seed 002', () => {
  assert.deepEqual(facts('lo.xlsx', readFileSync(`${DIR}/002-libreoffice.xlsx`)), expected)
})

test('a real Excel 97 .xls written by LibreOffice is refused as legacy, with the conversion to use', () => {
  assert.throws(
    () => readOffice('002.xls', gunzipSync(readFileSync(`${DIR}/002-libreoffice.xls.gz`))),
    (e: Error & { problem?: string }) => e.problem === 'legacy' && /^002\.xls: 旧版 Office 二进制格式 \.xls \(Excel 97–2003\).*--convert-to xlsx/.test(e.message),
  )
})

test('LibreOffice Calc HTML: the sheet overview (in-page links) is navigation and not read', () => {
  const { layout } = readOffice('calc.html', gunzipSync(readFileSync(`${DIR}/002-libreoffice-calc.html.gz`)))!
  assert.deepEqual(layout.lines.slice(0, 4).map((l) => l.text), ['Overview', 'Sheet 1: 部门收支总体情况表', '表1', '部门收支总体情况表'])
})

test('LibreOffice Calc HTML gives the facts of seed 002', () => {
  assert.deepEqual(facts('calc.html', gunzipSync(readFileSync(`${DIR}/002-libreoffice-calc.html.gz`))), expected)
})

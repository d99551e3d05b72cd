import assert from 'node:assert/strict'
import { test } from 'node:test'
import { correctByDocument } from '../../src/parse/ocr/document-lexicon.ts'
import { pagePhrases, type Phrase } from '../../src/parse/ocr/phrases.ts'
import type { ScannedWord } from '../../src/parse/ocr/words.ts'
import type { PdfLine } from '../../src/parse/pdf/layout.ts'
import type { Row } from '../../src/parse/pdf/lines.ts'

/**
 * Unsure OCR'd names put right by the document's own text (document-lexicon.ts), on readings made
 * up by hand: a project table on page 5 read by OCR, and lines of the narrative on page 2.
 */

/** A line of the project table (page 5) whose name cell was read as `name` with `confidence`, and its amount. */
function tableLine(name: string, confidence: number): PdfLine {
  const place = (x: number) => ({ file: 'x.pdf', start: { line: 40, column: 1 }, page: 5, box: [x, 300, x + 100, 318] as [number, number, number, number] })
  return {
    line: 40,
    text: `${name}\t12.50`,
    place: place(50),
    cells: [
      { text: name, start: 0, colSpan: 1, rowSpan: 1, confidence, place: place(50) },
      { text: '12.50', start: name.length + 1, colSpan: 1, rowSpan: 1, confidence: 0.93, place: place(150) },
    ],
  }
}

/** A line of the narrative (page 2) and the phrase it prints. */
function narrative(text: string, line = 12): Phrase {
  return { text, line: { line, text, place: { file: 'x.pdf', start: { line, column: 1 }, page: 2, box: [50, 200, 500, 214] } } }
}

test('a misread project name is put right to the name the narrative prints, stays flagged, and says where from', () => {
  const line = tableLine('人史补助项目', 0.52)
  const notes = correctByDocument([line], [narrative('2024年人员补助项目支出主要用于离退休人员补助'), narrative('本单位无政府采购')])
  assert.equal(line.cells![0]!.text, '人员补助项目')
  assert.equal(line.cells![0]!.confidence, 0.52)
  assert.equal(line.text, '人员补助项目\t12.50')
  assert.equal(notes.length, 1)
  assert.equal(notes[0]!.ruleId, 'parse/ocr-corrected')
  assert.equal(notes[0]!.actual, '人史补助项目')
  assert.equal(notes[0]!.expected, '人员补助项目')
  assert.deepEqual(notes[0]!.place, line.cells![0]!.place)
  assert.equal(notes[0]!.related?.[0]?.place?.page, 2)
  assert.match(notes[0]!.message, /第 2 页第 12 行/)
})

test('a name with a third of its characters misread is put right when nothing else is as near', () => {
  const line = tableLine('门霍专顶业务项目', 0.4)
  correctByDocument([line], [narrative('日常专项业务项目主要用于单位日常运转')])
  assert.equal(line.cells![0]!.text, '日常专项业务项目')
  // The line's text and the next cell's offset follow the change.
  assert.equal(line.text, '日常专项业务项目\t12.50')
  assert.equal(line.cells![1]!.start, 9)
})

test('two document phrases equally near: nothing is corrected', () => {
  const line = tableLine('人史补助项目', 0.52)
  const notes = correctByDocument([line], [narrative('人员补助项目'), narrative('人民补助项目', 13)])
  assert.equal(line.cells![0]!.text, '人史补助项目')
  assert.deepEqual(notes, [])
})

test('a confident reading is never changed, however near a document phrase', () => {
  const line = tableLine('人史补助项目', 0.91)
  assert.deepEqual(correctByDocument([line], [narrative('人员补助项目')]), [])
  assert.equal(line.cells![0]!.text, '人史补助项目')
})

test('text of the same page, and names printed as read elsewhere, change nothing', () => {
  const line = tableLine('人史补助项目', 0.52)
  const samePage: Phrase = { text: '人员补助项目', line }
  assert.deepEqual(correctByDocument([line], [samePage]), [])
  assert.deepEqual(correctByDocument([line], [narrative('人史补助项目'), narrative('人员补助项目')]), [])
  assert.equal(line.cells![0]!.text, '人史补助项目')
})

test('a run cut through a word, or with other figures, is never taken', () => {
  const cut = tableLine('进修双培训国', 0.5)
  assert.deepEqual(correctByDocument([cut], [narrative('用于进修及培训(含学历教育)')]), [])
  const header = tableLine('编制部门:新疆维吾尔自治区路什地区喀什市政务服务中心', 0.46)
  assert.deepEqual(correctByDocument([header], [narrative('2024年,新疆维吾尔自治区喀什地区喀什市政务服务中心')]), [])
})

/** The reading of an OCR'd cell, each character as sure as given (what page.ts hands on for the cell). */
function reading(line: PdfLine, confidence: number[]): Phrase {
  return { text: line.cells![0]!.text, line, confidence, cell: line.cells![0]! }
}

test('only characters read unsurely are changed, and only to characters the document prints surely', () => {
  // 史 read at 0.95: the reading is sure of it, so 人员补助项目 is no correction of it.
  const sure = tableLine('人史补助项目', 0.52)
  assert.deepEqual(correctByDocument([sure], [reading(sure, [0.96, 0.95, 0.96, 0.5, 0.96, 0.96]), narrative('人员补助项目')]), [])
  // 史 unsure: put right.
  const unsure = tableLine('人史补助项目', 0.52)
  correctByDocument([unsure], [reading(unsure, [0.96, 0.5, 0.96, 0.96, 0.96, 0.96]), narrative('人员补助项目')])
  assert.equal(unsure.cells![0]!.text, '人员补助项目')
  // The other page's OCR read 员 unsurely itself: two unsure readings that disagree decide nothing.
  const other = tableLine('人史补助项目', 0.52)
  const ocrd: Phrase = { ...narrative('人员补助项目'), confidence: [0.96, 0.7, 0.96, 0.96, 0.96, 0.96] }
  assert.deepEqual(correctByDocument([other], [reading(other, [0.96, 0.5, 0.96, 0.96, 0.96, 0.96]), ocrd]), [])
})

test('a mark read from a speck may go, an ideograph may not', () => {
  const speck = tableLine('部门专颌-.“12345”政务热线购买服务费', 0.54)
  correctByDocument([speck], [narrative('(一) 项目名称：部门专项-“12345”政务热线购买服务费')])
  assert.equal(speck.cells![0]!.text, '部门专项-“12345”政务热线购买服务费')
  // 国 at the end is no speck: 进修及培训 is not this name cut short.
  assert.deepEqual(correctByDocument([tableLine('进修及培训国', 0.5)], [narrative('进修及培训')]), [])
})

test('a reading with fewer than four ideographs is left to be checked (数量指标 and 质量指标 are both words)', () => {
  assert.deepEqual(correctByDocument([tableLine('生15.89', 0.5)], [narrative('收支总预算415.89 万元')]), [])
  assert.deepEqual(correctByDocument([tableLine('二11个', 0.5)], [narrative('保障楼内单位11个')]), [])
})

test('a name that ends in a bracket is put right to the whole run, bracket and all', () => {
  // The run 人员补助项目(一期) ends in a mark, but so does the name: it is no window cut through a word.
  const line = tableLine('人史补助项目(一期)', 0.52)
  correctByDocument([line], [narrative('人员补助项目(一期)')])
  assert.equal(line.cells![0]!.text, '人员补助项目(一期)')
  // The name's closing bracket is never dropped to fit a run that lacks it.
  const open = tableLine('人史补助项目(一期)', 0.52)
  assert.deepEqual(correctByDocument([open], [narrative('人员补助项目(一期,二期)')]), [])
  assert.equal(open.cells![0]!.text, '人史补助项目(一期)')
})

test('the same misreading on another page, read unsurely, does not stop the correction; read surely, it does', () => {
  const page7 = (text: string, confidence: number[]): Phrase => ({ ...narrative(text), line: { ...narrative(text).line, place: { ...narrative(text).line.place, page: 7 } }, confidence })
  const line = tableLine('人史补助项目', 0.52)
  correctByDocument([line], [page7('人史补助项目', [0.96, 0.5, 0.96, 0.96, 0.96, 0.96]), narrative('人员补助项目')])
  assert.equal(line.cells![0]!.text, '人员补助项目')
  const sure = tableLine('人史补助项目', 0.52)
  assert.deepEqual(correctByDocument([sure], [page7('人史补助项目', [0.96, 0.95, 0.96, 0.96, 0.96, 0.96]), narrative('人员补助项目')]), [])
})

/** An OCR'd word starting at `x` (points), 10 points a character, on the baseline of the rows of `tableLine`. */
function word(text: string, x: number, confidence: number): ScannedWord {
  return { text, x0: x, x1: x + 10 * text.length, y0: 302, y1: 316, base: 314, size: 12, confidence }
}

test('a cell read by OCR is a phrase in normalised text, each character as sure as the word it was read in', () => {
  const line = tableLine('人员补助项目(一期)', 0.8)
  const row: Row = { top: 300, left: 50, box: [50, 300, 250, 318], cells: [{ text: '人员补助项目（一期）', box: [50, 300, 150, 318], colSpan: 1, rowSpan: 1 }] }
  const [phrase] = pagePhrases([row], [line], [word('人员补助项目', 52, 0.95), word('（一期）', 112, 0.7)], [[0.8]])
  // Full-width brackets as the names compared with it have them (layout.ts normalises cell text).
  assert.equal(phrase!.text, '人员补助项目(一期)')
  assert.deepEqual(phrase!.confidence, [0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.7, 0.7, 0.7, 0.7])
  assert.equal(phrase!.cell, line.cells![0])
})

test('characters outside the Basic Multilingual Plane are aligned unit by unit, as the names are compared', () => {
  // 𠀀 (U+20000) is two UTF-16 units; both are as sure as the word that read it.
  const line = tableLine('𠀀人员补助', 0.7)
  const row: Row = { top: 300, left: 50, box: [50, 300, 250, 318], cells: [{ text: '𠀀人员补助', box: [50, 300, 150, 318], colSpan: 1, rowSpan: 1 }] }
  const [phrase] = pagePhrases([row], [line], [word('𠀀人员', 52, 0.5), word('补助', 92, 0.95)], [[0.7]])
  assert.deepEqual(phrase!.confidence, [0.5, 0.5, 0.5, 0.5, 0.95, 0.95])
})

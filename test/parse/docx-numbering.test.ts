import assert from 'node:assert/strict'
import { test } from 'node:test'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { readDocx } from '../../src/parse/docx/index.ts'
import { formatCounter } from '../../src/parse/docx/numbering.ts'

test('Word list numbers become part of the text: 一、 （一） 1. as the disclosure shows them', async () => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'parts',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '部门主要职能', numbering: { reference: 'parts', level: 0 } }),
          new Paragraph({ text: '主要职责', numbering: { reference: 'parts', level: 1 } }),
          new Paragraph({ text: '第一项', numbering: { reference: 'parts', level: 2 } }),
          new Paragraph({ text: '第二项', numbering: { reference: 'parts', level: 2 } }),
          new Paragraph({ text: '机构设置', numbering: { reference: 'parts', level: 1 } }),
          new Paragraph({ text: '第一项', numbering: { reference: 'parts', level: 2 } }),
          new Paragraph({ text: '没有编号的段落' }),
          new Paragraph({ text: '要点', numbering: { reference: 'bullets', level: 0 } }),
          new Paragraph({ text: '部门预算安排情况', numbering: { reference: 'parts', level: 0 } }),
        ],
      },
    ],
  })
  const { layout } = readDocx('n.docx', new Uint8Array(await Packer.toBuffer(doc)))
  assert.deepEqual(layout.lines.map((l) => l.text), [
    '一、部门主要职能',
    '(一)主要职责',
    '1.第一项',
    '2.第二项',
    '(二)机构设置',
    '1.第一项',
    '没有编号的段落',
    '要点',
    '二、部门预算安排情况',
  ])
})

test('counters in the numbering formats disclosures use', () => {
  assert.deepEqual([1, 10, 11, 20, 21, 100, 105, 110, 1001].map((n) => formatCounter(n, 'chineseCounting')), ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十', '一千零一'])
  assert.equal(formatCounter(3, 'chineseLegalSimplified'), '叁')
  assert.equal(formatCounter(2, 'ideographTraditional'), '乙')
  assert.equal(formatCounter(3, 'decimalEnclosedCircle'), '③')
  assert.equal(formatCounter(12, 'decimalFullWidth'), '１２')
  assert.equal(formatCounter(4, 'upperRoman'), 'IV')
  assert.equal(formatCounter(28, 'lowerLetter'), 'bb')
  assert.equal(formatCounter(7, 'decimal'), '7')
})

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { textLayout } from '../../src/parse/layout.ts'

/** Lines as [line, text, cell texts with their start columns]: written by hand for each input. */
function lines(text: string) {
  return textLayout('t.txt', text).lines.map((l) => [l.line, l.text, l.cells?.map((c) => `${c.start}:${c.text}`)])
}

test('LF, CRLF and lone CR all end a line; a final line end leaves an empty last line', () => {
  assert.deepEqual(lines('a\nb\r\nc\rd'), [
    [1, 'a', undefined],
    [2, 'b', undefined],
    [3, 'c', undefined],
    [4, 'd', undefined],
  ])
  assert.deepEqual(lines('a\r\n'), [
    [1, 'a', undefined],
    [2, '', undefined],
  ])
  assert.deepEqual(lines('\r\r\n\n'), [
    [1, '', undefined],
    [2, '', undefined],
    [3, '', undefined],
    [4, '', undefined],
  ])
  assert.deepEqual(lines(''), [[1, '', undefined]])
})

test('a line with tabs gets its cells, each with its start column; lines without tabs get none', () => {
  assert.deepEqual(lines('标题\n科目\t合计\t\t基本\r\n说明\n\t'), [
    [1, '标题', undefined],
    [2, '科目\t合计\t\t基本', ['0:科目', '3:合计', '6:', '7:基本']],
    [3, '说明', undefined],
    [4, '\t', ['0:', '1:']],
  ])
})

test('cells are read from the normalised text: full-width characters narrowed in place', () => {
  assert.deepEqual(lines('（一）\t１，２００．００'), [[1, '(一)\t1,200.00', ['0:(一)', '4:1,200.00']]])
})

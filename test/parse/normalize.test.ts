import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { test } from 'node:test'
import { decode } from '../../src/parse/decode.ts'
import { normalizeLine, normalizeText } from '../../src/parse/normalize.ts'

const sp = (n: number) => ' '.repeat(n)

/** Every expectation below is written by hand; each keeps the input's length (columns stay in place). */
function same(input: string, expected: string): void {
  const out = normalizeText(input)
  assert.equal(out, expected)
  assert.equal(out.length, input.length)
}

test('full-width ASCII narrows to half-width, wide spaces become spaces', () => {
  same('（一）合计：１，２３４．５６万元；ａＢ％', '(一)合计:1,234.56万元;aB%')
  same('合\u3000计\u00a0a\u2002b\u2003c', '合 计 a b c')
  // Odd and even lengths (the units are read two at a time).
  same('，', ',')
  same('ａ，', 'a,')
  same('一，', '一,')
  // CJK punctuation that is not full-width ASCII stays: 、。《》【】 and the ideographic full stop.
  same('一、二。《三》【四】', '一、二。《三》【四】')
})

test('HTML tags become spaces; what only looks like a tag stays', () => {
  same('<td>一般公共预算</td>', `${sp(4)}一般公共预算${sp(5)}`)
  same('a<br/>b<span class="x">c</span>', `a${sp(5)}b${sp(16)}c${sp(7)}`)
  same('1 < 2 > 0', '1 < 2 > 0')
  same('<1>', '<1>')
  same('<span\n>', '<span\n>')
  // A full-width tag narrows first, then is a tag.
  same('＜ｔｄ＞合计', '    合计')
  // `<` inside a tag's attributes ends the candidate: the second `<` starts a real tag.
  same('<a<b>', '<a   ')
})

test('&nbsp; becomes six spaces; other entities stay', () => {
  same('合&nbsp;计&amp;', `合${sp(6)}计&amp;`)
  same('<p title="&nbsp;">x', `${sp(18)}x`)
})

test('Markdown emphasis pairs become spaces, taken from the left', () => {
  same('**一般公共预算**', '  一般公共预算  ')
  same('***', '  *')
  same('****', '    ')
  same('__a__ _b_', '  a   _b_')
  same('＊＊粗＊＊', '  粗  ')
})

test('heading marks at the start of a line become spaces', () => {
  same('# 一、部门职责', '  一、部门职责')
  same('正文\n## 二、收支\r\n### 三\r#### 四', '正文\n   二、收支\r\n    三\r     四')
  same('####### 七个', '####### 七个')
  same('#无空格', '#无空格')
  same('a # b', 'a # b')
  same('\u2028###### 六', '\u2028       六')
})

test('a long text with every kind of change at once', () => {
  const line = '| **（一）** | <b>１２３．４５</b> | &nbsp; |'
  const input = `${'# 标题\n'}${line}\n${line}\n${'合\u3000计'.repeat(20)}`
  const out = `| ${sp(2)}(一)${sp(2)} | ${sp(3)}123.45${sp(4)} | ${sp(6)} |`
  const expected = `${'  标题\n'}${out}\n${out}\n${'合 计'.repeat(20)}`
  same(input, expected)
})

test('one text after another: nothing of a longer text before is left in a shorter one', () => {
  same(`${'（'.repeat(99)}，`, `${'('.repeat(99)},`)
  same('一，', '一,')
  same('ａ', 'a')
  // Longer than the first scratch buffer (4 KB), then short again.
  same('（一）'.repeat(1000), '(一)'.repeat(1000))
  same('＃', '#')
  // Larger than the scratch buffer kept between calls (1 MB): a buffer of its own.
  const big = '合计，１'.repeat(200_000)
  assert.equal(normalizeText(big), '合计,1'.repeat(200_000))
  same('（', '(')
})

/**
 * The rules of normalisation as regular expressions, applied one after another: what
 * `normalizeText` does by hand, written the plain way (and as the first version did it).
 */
function reference(text: string): string {
  const blanks = (m: string) => ' '.repeat(m.length)
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2002\u2003]/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>\n]*>/g, blanks)
    .replace(/&nbsp;/g, blanks)
    .replace(/\*\*|__/g, '  ')
    .replace(/^#{1,6} /, blanks)
    .replace(/[\n\r\u2028\u2029]#{1,6} /g, (m) => m[0] + blanks(m.slice(1)))
}

test('each seed normalises as the plain regular expressions do, whole and line by line', () => {
  const dir = 'examples/seeds'
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const text = decode(readFileSync(`${dir}/${f}`)).text
    const expected = reference(text)
    assert.notEqual(expected, text, `${f} has something to normalise`)
    assert.equal(normalizeText(text), expected, f)
    assert.equal(text.split('\n').map(normalizeLine).join('\n'), expected, f)
  }
})

test('random mixes of every character normalisation looks at come out as the regular expressions have them', () => {
  const alphabet = ['a', 'Z', '1', ' ', '\n', '\r', '\u2028', '<', '>', '/', '&', 'nbsp;', '*', '_', '#', '（', '，', '＜', '＊', '＃', '\u3000', '\u00a0', '一', '、', '\ud83d']
  let seed = 7
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n
  for (let i = 0; i < 3000; i++) {
    let text = ''
    for (let k = random(200); k > 0; k--) text += alphabet[random(alphabet.length)]
    assert.equal(normalizeText(text), reference(text), JSON.stringify(text))
  }
})

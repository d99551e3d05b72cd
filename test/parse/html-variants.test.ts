import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { readHtml } from '../../src/parse/html/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'

/** GB18030 encoding without an iconv dependency: invert Node's decoder over the two-byte (GBK) range, four-byte sequences for the rest. */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  const dec = new TextDecoder('gb18030')
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const ch = dec.decode(new Uint8Array([a, b]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b])
    }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const pair = table.get(ch)
      assert.ok(pair, `${ch} (U+${code.toString(16)}) is outside GBK`)
      out.push(...pair)
    }
  }
  return new Uint8Array(out)
}

/**
 * The seed pages rewritten as other publishing systems produce them: GB2312 with an http-equiv
 * meta, Word's "save as web page" markup inside cells, a layout table around the whole page,
 * `<td>` headers without thead and `&nbsp;` in empty cells, upper-case tags and attributes.
 */
const variants: Record<string, (html: string) => Uint8Array | string> = {
  'GB2312 with http-equiv': (h) => gb18030(h.replace(/<meta charset="utf-8">/i, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')),
  'Word markup in cells': (h) =>
    h.replace(/<(td|th)([^>]*)>([\s\S]*?)<\/\1>/g, (_m, tag: string, attrs: string, body: string) =>
      `<${tag}${attrs} style='border:solid windowtext 1.0pt'><p class=MsoNormal align=center><span lang=EN-US style='font-family:仿宋_GB2312'>${body || '&nbsp;'}<o:p></o:p></span></p></${tag}>`,
    ),
  'layout table around the page': (h) => h.replace(/<body([^>]*)>/i, '<body$1><table width="960" align="center"><tr><td class="content">').replace(/<\/body>/i, '</td></tr></table></body>'),
  'td headers, no thead, nbsp in empty cells': (h) =>
    h.replace(/<\/?thead>|<\/?tbody>/g, '').replace(/<(\/?)th\b/g, '<$1td').replace(/<td([^>]*)><\/td>/g, '<td$1>&nbsp;</td>'),
  'upper-case tags': (h) => h.replace(/<(\/?)(table|tr|td|th|p|h\d|thead|tbody)\b/g, (_m, s: string, t: string) => `<${s}${t.toUpperCase()}`).replace(/(rowspan|colspan)=/g, (m) => m.toUpperCase()),
}

for (const id of ['001', '002', '003']) {
  const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
  const html = readFileSync(`test/fixtures/formats/${id}.html`, 'utf8')
  for (const [name, change] of Object.entries(variants)) {
    test(`${id}.html with ${name} gives the facts of seed ${id}`, () => {
      const out = change(html)
      const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out
      const actual = toFacts(parseLayout(readHtml('v.html', bytes).layout).disclosure!).trim().split('\n').sort()
      assert.deepEqual(actual, expected)
    })
  }
}

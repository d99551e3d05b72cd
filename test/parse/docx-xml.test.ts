import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeEntities, MAX_DEPTH, parseXml, scanXml, type XmlElement } from '../../src/parse/office/xml.ts'

const strip = (el: XmlElement): unknown => ({ name: el.name, attrs: el.attrs, children: el.children.map((c) => (typeof c === 'string' ? c : strip(c))) })

test('the OOXML tokenizer: prefixes dropped, entities and character references decoded, CDATA kept, comments and PIs skipped', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!-- a comment with <w:t>not text</w:t> -->
<w:t xmlns:w="urn:w" w:val='a "quoted" &amp; b' r:id="x>y">A&lt;B&#x4E00;&#19968;<![CDATA[<raw & kept>]]><w:br/></w:t>`
  const root = parseXml(xml)
  assert.deepEqual(strip(root.children.find((c): c is XmlElement => typeof c !== 'string')!), {
    name: 't',
    attrs: { val: 'a "quoted" & b', id: 'x>y' },
    children: ['A<B一一<raw & kept>', { name: 'br', attrs: {}, children: [] }],
  })
})

test('a DOCTYPE with entity definitions is skipped and nothing is expanded (no billion laughs)', () => {
  const xml = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><t>&lol2;</t>'
  const texts: string[] = []
  scanXml(xml, { ontext: (t) => texts.push(t) })
  assert.deepEqual(texts, ['&lol2;'])
  assert.equal(decodeEntities('&unknown; &#xFFFFFFF; &amp;'), '&unknown; &#xFFFFFFF; &')
})

test('malformed input ends quietly: unterminated tags, comments and CDATA, stray <', () => {
  for (const xml of ['<a><b', '<a><!-- never closed', '<a><![CDATA[open', '<a>1 < 2</a>', '<a x="unterminated>text', '</a></b>', '<'])
    assert.doesNotThrow(() => parseXml(xml), xml)
  assert.deepEqual(strip(parseXml('<a>1 < 2</a>').children[0] as XmlElement), { name: 'a', attrs: {}, children: ['1 < 2'] })
})

test('nesting beyond MAX_DEPTH is dropped and flagged, in linear time', () => {
  const n = 200_000
  const t = Date.now()
  const root = parseXml(`${'<a>'.repeat(n)}x${'</a>'.repeat(n)}<b/>`)
  assert.ok(Date.now() - t < 5000)
  assert.equal(root.tooDeep, true)
  let depth = 0
  for (let el: XmlElement | undefined = root; el; el = el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'a')) depth++
  assert.equal(depth, MAX_DEPTH + 1)
  assert.ok(root.children.some((c) => typeof c !== 'string' && c.name === 'b'), 'content after the deep part is still read')
})

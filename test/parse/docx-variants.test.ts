import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { readDocx } from '../../src/parse/docx/index.ts'
import { parseLayout, toFacts } from '../../src/parse/index.ts'
import { rezip } from './docx-zip.ts'

const T = /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g

/**
 * The seed documents rewritten as Word itself leaves them: text split into pieces with proofing
 * and bookmark marks between, tracked changes (a deleted figure next to the inserted one),
 * tables inside content controls, the whole body framed in a one-cell table (documents converted
 * from web pages), and header names broken over two lines or two paragraphs inside their cell. Each must give the same facts as the seed.
 */
const variants: Record<string, (xml: string) => string> = {
  'text in pieces with proofing and bookmark marks': (x) =>
    x
      .replace(T, (_m, t: string) => [...t].map((ch) => `<w:t xml:space="preserve">${ch}</w:t>`).join(''))
      .replace(/<w:r>/g, '<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r>'),
  'tracked changes': (x) =>
    x.replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">(\d[\d,.]*)<\/w:t><\/w:r>/g, (_m, rPr: string | undefined, n: string) =>
      `<w:del w:id="1" w:author="审核"><w:r>${rPr ?? ''}<w:delText>999.99</w:delText></w:r></w:del><w:ins w:id="2" w:author="审核"><w:r>${rPr ?? ''}<w:t xml:space="preserve">${n}</w:t></w:r></w:ins>`,
    ),
  'tables in content controls': (x) => x.replace(/<w:tbl>/g, '<w:sdt><w:sdtPr><w:alias w:val="表"/></w:sdtPr><w:sdtContent><w:tbl>').replace(/<\/w:tbl>/g, '</w:tbl></w:sdtContent></w:sdt>'),
  'the whole body inside a one-cell frame table': (x) =>
    x.replace(/<w:body>([\s\S]*?)(<w:sectPr[\s\S]*)?<\/w:body>/, (_m, content: string, sect?: string) => `<w:body><w:tbl><w:tr><w:tc>${content}<w:p/></w:tc></w:tr></w:tbl>${sect ?? ''}</w:body>`),
  'header names broken over lines and paragraphs': (x) =>
    x.replace(/(<w:tblHeader\/>(?:(?!<\/w:tr>).)*<\/w:tr>)/g, (row: string) =>
      row.replace(T, (m, t: string) => {
        if (t.length < 4) return m
        const half = Math.floor(t.length / 2)
        return t.length % 2
          ? `<w:t xml:space="preserve">${t.slice(0, half)}</w:t><w:br/><w:t xml:space="preserve">${t.slice(half)}</w:t>`
          : `<w:t xml:space="preserve">${t.slice(0, half)}</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">${t.slice(half)}</w:t>`
      }),
    ),
}

for (const id of ['001', '002', '003']) {
  const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
  const bytes = readFileSync(`test/fixtures/formats/${id}.docx`)
  for (const [name, change] of Object.entries(variants)) {
    test(`${id}.docx with ${name} gives the facts of seed ${id}`, () => {
      let changed = 0
      const out = rezip(bytes, 'word/document.xml', (xml) => {
        const after = change(xml)
        changed = after === xml ? 0 : 1
        return after
      })
      assert.equal(changed, 1, 'the variant changed the document')
      const actual = toFacts(parseLayout(readDocx('v.docx', out).layout).disclosure!).trim().split('\n').sort()
      assert.deepEqual(actual, expected)
    })
  }
}

/** Each table split in two at its middle, the header repeated, with `between` as the paragraph between the parts (as Word users continue a table on the next page). */
const split = (between: string) => (xml: string) =>
  xml.replace(/<w:tbl>([\s\S]*?)<\/w:tbl>/g, (m, inner: string) => {
    const rows = inner.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []
    const head = rows.filter((r) => r.includes('<w:tblHeader/>'))
    const body = rows.filter((r) => !r.includes('<w:tblHeader/>'))
    if (body.length < 4) return m
    const pre = inner.slice(0, inner.indexOf('<w:tr>'))
    const half = Math.floor(body.length / 2)
    const p = between ? `<w:p><w:r><w:t>${between}</w:t></w:r></w:p>` : '<w:p/>'
    return `<w:tbl>${pre}${head.join('')}${body.slice(0, half).join('')}</w:tbl>${p}<w:tbl>${pre}${head.join('')}${body.slice(half).join('')}</w:tbl>`
  })

for (const id of ['001', '002', '003']) {
  const expected = readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').sort()
  const bytes = readFileSync(`test/fixtures/formats/${id}.docx`)
  test(`${id}.docx with each table split in two, header repeated, gives the facts of seed ${id}`, () => {
    const actual = toFacts(parseLayout(readDocx('v.docx', rezip(bytes, 'word/document.xml', split(''))).layout).disclosure!).trim().split('\n').sort()
    assert.deepEqual(actual, expected)
  })
  test(`${id}.docx with each table continued under 续表 gives the facts of seed ${id}`, () => {
    const actual = toFacts(parseLayout(readDocx('v.docx', rezip(bytes, 'word/document.xml', split('续表'))).layout).disclosure!).trim().split('\n').sort()
    assert.deepEqual(actual, expected)
  })
}

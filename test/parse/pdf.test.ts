import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { readPdf, PdfError, type PdfLimits, type PdfLine } from '../../src/parse/pdf/index.ts'
import { buildPdf, type FakePage } from './pdf-build.ts'

const H = 842 // A4 height: PDF y goes up, layout y goes down (y' = 842 - y)

/** A ruled table as a budget table is drawn: a merged header over two columns, an empty cell, a wrapped name. */
function ruledTable(): FakePage {
  const xs = [40, 100, 300, 400, 500]
  const ys = [800, 780, 760, 740, 710]
  const lines: [number, number, number, number][] = []
  for (const y of ys) lines.push([xs[0]!, y, xs.at(-1)!, y])
  for (const x of xs) {
    // No rule between columns 0|1 and 2|3 in the first row band: those header cells are merged.
    if (x === 100 || x === 400) lines.push([x, ys[1]!, x, ys.at(-1)!])
    else lines.push([x, ys[0]!, x, ys.at(-1)!])
  }
  return {
    lines,
    text: [
      { x: 40, y: 820, size: 12, text: 'Table 1 Expenditure' },
      { x: 45, y: 786, text: 'Item' },
      { x: 305, y: 786, text: 'Amount' },
      { x: 45, y: 766, text: 'Code' },
      { x: 105, y: 766, text: 'Name' },
      { x: 305, y: 766, text: 'Basic' },
      { x: 405, y: 766, text: 'Project' },
      { x: 45, y: 746, text: '201' },
      { x: 105, y: 746, text: 'General services' },
      { x: 360, y: 746, text: '177.72' },
      // A name wrapped onto two lines of one cell, numbers centred in their cells.
      { x: 45, y: 722, text: '208' },
      { x: 105, y: 727, text: 'Social security and' },
      { x: 105, y: 715, text: 'employment' },
      { x: 360, y: 722, text: '1.00' },
      { x: 460, y: 722, text: '2.00' },
      // Free text below the table, with wide gaps: an unruled row.
      { x: 40, y: 680, text: '301' },
      { x: 120, y: 680, text: 'Wages' },
      { x: 300, y: 680, text: '12.50' },
    ],
  }
}

const cellTexts = (l: PdfLine | undefined) => l?.cells?.map((c) => c.text)

test('pdf: a ruled table becomes one line per row, cells in header columns, empty cells kept', async () => {
  const { layout, diagnostics } = await readPdf('t.pdf', buildPdf([ruledTable()]))
  assert.deepEqual(diagnostics, [])
  const texts = layout.lines.map((l) => l.text)
  assert.deepEqual(texts, [
    'Table 1 Expenditure',
    'Item\t\tAmount\t',
    'Code\tName\tBasic\tProject',
    '201\tGeneral services\t177.72\t',
    '208\tSocial security and employment\t1.00\t2.00',
    '301\tWages\t12.50',
  ])
  assert.equal(layout.lines[0]!.cells, undefined, 'a free line of one cell has no cells')
  assert.deepEqual(cellTexts(layout.lines[3]), ['201', 'General services', '177.72', ''])
})

test('pdf: merged header cells carry their span and box; covered positions are marked', async () => {
  const { layout } = await readPdf('t.pdf', buildPdf([ruledTable()]))
  const header = layout.lines[1]!.cells!
  assert.deepEqual(
    header.map((c) => [c.text, c.colSpan, c.rowSpan, c.covered ?? false]),
    [
      ['Item', 2, 1, false],
      ['', 1, 1, true],
      ['Amount', 2, 1, false],
      ['', 1, 1, true],
    ],
  )
  assert.deepEqual(header[0]!.place.box, [40, H - 800, 300, H - 780])
})

test('pdf: places give line, column, page and a top-left box in points', async () => {
  const { layout } = await readPdf('t.pdf', buildPdf([ruledTable()]))
  const row = layout.lines[3]!
  assert.equal(row.line, 4)
  assert.deepEqual(row.place.box, [40, H - 760, 500, H - 740])
  const amount = row.cells![2]!
  assert.equal(row.text.slice(amount.start, amount.start + amount.text.length), '177.72')
  assert.deepEqual(amount.place, {
    file: 't.pdf',
    start: { line: 4, column: amount.start + 1 },
    end: { line: 4, column: amount.start + 7 },
    page: 1,
    box: [300, H - 760, 400, H - 740],
  })
  // The free line's cell boxes come from its glyphs: the left edge is where the text starts.
  const wages = layout.lines[5]!.cells![1]!
  assert.equal(wages.place.box![0], 120)
  assert.ok(Math.abs(wages.place.box![3] - (H - 680) - 1.2) < 0.01, 'box bottom is just below the baseline')
})

/** Helvetica advance widths (per 1000 em) of the characters used in right-aligned figures. */
const helvetica = (text: string) => [...text].reduce((w, ch) => w + (/\d/.test(ch) ? 556 : 278), 0) / 1000
/** A run of figures ending at `right` (tables print numbers right-aligned). */
const rightAt = (right: number, y: number, text: string) => ({ x: right - helvetica(text) * 10, y, text })

test('pdf: a table without rules gets columns from its whitespace and its header, wrapped names joined', async () => {
  const page: FakePage = {
    text: [
      { x: 50, y: 740, size: 12, text: 'Table 2' },
      { x: 50, y: 700, text: 'Code' },
      { x: 100, y: 700, text: 'Name' },
      { x: 230, y: 700, text: 'Total' },
      { x: 290, y: 700, text: 'Basic' },
      // A column no body row fills: only its header shows it.
      { x: 350, y: 700, text: 'Project' },
      { x: 50, y: 680, text: '201' },
      { x: 100, y: 680, text: 'General services' },
      rightAt(260, 680, '390.05'),
      rightAt(320, 680, '177.72'),
      // A name wrapped around its row: one part above the row's baseline, one below.
      { x: 100, y: 658, text: 'Social security and' },
      { x: 50, y: 650, text: '208' },
      rightAt(260, 650, '11.50'),
      rightAt(320, 650, '11.50'),
      { x: 100, y: 642, text: 'employment' },
      { x: 50, y: 620, text: '210' },
      { x: 100, y: 620, text: 'Health' },
      rightAt(260, 620, '4.89'),
      rightAt(320, 620, '4.89'),
      { x: 50, y: 560, text: 'Total spending was 390.05 this year.' },
    ],
  }
  const { layout } = await readPdf('t.pdf', buildPdf([page]))
  assert.deepEqual(
    layout.lines.map((l) => l.text),
    [
      'Table 2',
      'Code\tName\tTotal\tBasic\tProject',
      '201\tGeneral services\t390.05\t177.72\t',
      '208\tSocial security and employment\t11.50\t11.50\t',
      '210\tHealth\t4.89\t4.89\t',
      'Total spending was 390.05 this year.',
    ],
  )
  // The joined name's box covers both of its lines; the blank cell is placed in its column.
  const social = layout.lines[3]!.cells![1]!
  assert.ok(social.place.box![1] < H - 658 && social.place.box![3] > H - 642)
  const blank = layout.lines[3]!.cells![4]!
  assert.ok(blank.place.box![0] > 320 && blank.place.box![0] < 350, `blank cell box ${blank.place.box}`)
})

test('pdf: a table without rules that runs on to the next page keeps its columns there', async () => {
  const first: FakePage = {
    text: [
      { x: 50, y: 700, text: 'Code' },
      { x: 100, y: 700, text: 'Name' },
      { x: 230, y: 700, text: 'Total' },
      { x: 350, y: 700, text: 'Project' },
      { x: 50, y: 680, text: '201' },
      { x: 100, y: 680, text: 'General services' },
      rightAt(260, 680, '390.05'),
      { x: 50, y: 660, text: '208' },
      { x: 100, y: 660, text: 'Social security' },
      rightAt(260, 660, '11.50'),
      { x: 280, y: 40, text: '- 1 -' },
    ],
  }
  // The next page: no header, rows without figures, then a total with a blank last column.
  const second: FakePage = {
    text: [
      { x: 50, y: 800, text: '221' },
      { x: 100, y: 800, text: 'Housing' },
      { x: 50, y: 780, text: '222' },
      { x: 100, y: 780, text: 'Grain reserves' },
      { x: 100, y: 760, text: 'Total' },
      rightAt(260, 760, '401.55'),
      { x: 50, y: 700, size: 12, text: 'Notes' },
      { x: 280, y: 40, text: '- 2 -' },
    ],
  }
  const { layout } = await readPdf('t.pdf', buildPdf([first, second]))
  assert.deepEqual(
    layout.lines.filter((l) => l.place.page === 2).map((l) => l.text),
    ['221\tHousing\t\t', '222\tGrain reserves\t\t', '\tTotal\t401.55\t', 'Notes', '- 2 -'],
  )
})

test('pdf: a landscape page drawn turned on a portrait page (with /Rotate 90, or sideways without) reads as the landscape page does', async () => {
  const xs = [40, 100, 300, 400]
  const ys = [500, 480, 460]
  const page: FakePage = {
    lines: [...ys.map((y): [number, number, number, number] => [40, y, 400, y]), ...xs.map((x): [number, number, number, number] => [x, 500, x, 460])],
    text: [
      { x: 40, y: 540, text: 'Landscape title' },
      { x: 45, y: 486, text: 'Code' },
      { x: 105, y: 486, text: 'Name' },
      { x: 305, y: 486, text: 'Amount' },
      { x: 45, y: 466, text: '201' },
      { x: 105, y: 466, text: 'General services' },
      { x: 360, y: 466, text: '177.72' },
    ],
  }
  const flat = await readPdf('t.pdf', buildPdf([page], { width: 842, height: 595 }))
  const turned = await readPdf('t.pdf', buildPdf([page], { rotate: 90 }))
  assert.deepEqual(turned.layout.lines.map((l) => l.text), ['Landscape title', 'Code\tName\tAmount', '201\tGeneral services\t177.72'])
  assert.deepEqual(turned.layout, flat.layout)
  assert.deepEqual(turned.layout.lines[2]!.cells![2]!.place.box, [300, 595 - 480, 400, 595 - 460])
  // The same content without /Rotate shows sideways; it is read turned upright.
  const sideways = await readPdf('t.pdf', buildPdf([page], { rotate: 90, sideways: true }))
  assert.deepEqual(sideways.layout, turned.layout)
})

test('pdf: text printed twice over itself (fake bold) reads once', async () => {
  const page: FakePage = {
    text: [
      { x: 50, y: 800, text: 'Total' },
      { x: 50.3, y: 800.2, text: 'Total' },
      { x: 200, y: 800, text: '390.05' },
      { x: 200.3, y: 800, text: '390.05' },
    ],
  }
  const { layout } = await readPdf('t.pdf', buildPdf([page]))
  assert.deepEqual(layout.lines.map((l) => l.text), ['Total\t390.05'])
})

test('pdf: line numbers run across pages and each line knows its page', async () => {
  const page = (n: number): FakePage => ({ text: [{ x: 50, y: 800, text: `page ${n} first` }, { x: 50, y: 780, text: `page ${n} second` }] })
  const { layout } = await readPdf('t.pdf', buildPdf([page(1), page(2), page(3)]))
  assert.deepEqual(
    layout.lines.map((l) => [l.line, l.place.page, l.text]),
    [
      [1, 1, 'page 1 first'],
      [2, 1, 'page 1 second'],
      [3, 2, 'page 2 first'],
      [4, 2, 'page 2 second'],
      [5, 3, 'page 3 first'],
      [6, 3, 'page 3 second'],
    ],
  )
})

test('pdf: a page whose glyphs have no Unicode mapping gets a diagnostic, not garbage text', async () => {
  const bytes = buildPdf([{ text: [{ x: 50, y: 800, text: 'this text cannot be mapped back' }] }], { font: 'unmapped' })
  const { layout, diagnostics } = await readPdf('t.pdf', bytes)
  assert.deepEqual(layout.lines, [])
  assert.deepEqual(
    diagnostics.map((d) => [d.ruleId, d.severity, d.place?.page]),
    [['parse/pdf-unmapped-glyphs', 'error', 1]],
  )
  assert.match(diagnostics[0]!.message, /ToUnicode/)
})

/** One line of Chinese in an unembedded CID font (STSong-Light, Adobe-GB1) with no ToUnicode map, as 公文 fonts often are. */
function cidPage(encoding: string, hex: string): Uint8Array {
  const content = `BT /F1 12 Tf 1 0 0 1 50 800 Tm <${hex}> Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [6 0 R] >>`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ]
  let out = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(out)
}

test('pdf: a Chinese CID font without ToUnicode is decoded through the Adobe CMaps (UCS-2 and GBK encodings)', async () => {
  for (const [encoding, hex] of [['UniGB-UCS2-H', '4E2D65875E7F5EA6'], ['GBK-EUC-H', 'D6D0CEC4C4EAB6C8']] as const) {
    const { layout, diagnostics } = await readPdf('t.pdf', cidPage(encoding, hex))
    assert.deepEqual(diagnostics, [], encoding)
    assert.deepEqual(layout.lines.map((l) => l.text), [encoding === 'GBK-EUC-H' ? '中文年度' : '中文广度'])
  }
})

test('pdf: a page without text (a scan) gets a diagnostic', async () => {
  const { layout, diagnostics } = await readPdf('t.pdf', buildPdf([{ text: [{ x: 50, y: 800, text: 'cover' }] }, { lines: [[40, 400, 500, 400]] }]))
  assert.deepEqual(layout.lines.map((l) => l.text), ['cover'])
  assert.deepEqual(diagnostics.map((d) => [d.ruleId, d.place?.page]), [['parse/pdf-no-text', 2]])
})

test('pdf: 500 pages are read in bounded time; a page cap skips the rest with a diagnostic', async () => {
  const pages: FakePage[] = Array.from({ length: 500 }, (_, i) => ({
    text: Array.from({ length: 5 }, (_, j) =>
      [`p${i + 1} l${j + 1}`, '201', '390.05', '177.72'].map((text, k) => ({ x: 50 + k * 100, y: 800 - j * 20, text })),
    ).flat(),
  }))
  const bytes = buildPdf(pages)
  const all = await readPdf('big.pdf', bytes)
  assert.equal(all.pages, 500)
  assert.equal(all.pagesRead, 500)
  assert.equal(all.layout.lines.length, 500 * 5)
  assert.deepEqual(all.layout.lines.at(-1)!.cells!.map((c) => c.text), ['p500 l5', '201', '390.05', '177.72'])
  const capped = await readPdf('big.pdf', bytes, { maxPages: 100 })
  assert.equal(capped.pagesRead, 100)
  assert.equal(capped.layout.lines.length, 100 * 5)
  assert.deepEqual(capped.diagnostics.map((d) => d.ruleId), ['parse/pdf-page-limit'])
  assert.match(capped.diagnostics[0]!.message, /500/)
})

test('pdf: a time limit of 0 s ends reading at once: a clear error, or no page read and a diagnostic', async () => {
  const pages: FakePage[] = Array.from({ length: 5 }, (_, i) => ({ text: [{ x: 50, y: 800, text: `page ${i + 1}` }] }))
  // Whether the limit runs out while the file opens or before page 1 depends on the event loop.
  try {
    const read = await readPdf('slow.pdf', buildPdf(pages), { maxSeconds: 0 })
    assert.equal(read.pagesRead, 0)
    assert.deepEqual(read.layout.lines, [])
    assert.deepEqual(read.diagnostics.map((d) => [d.ruleId, d.place?.page]), [['parse/pdf-time-limit', 1]])
  } catch (e) {
    assert.ok(e instanceof PdfError)
    assert.match(e.message, /^slow\.pdf: .*time limit/)
  }
})

/** A one-page PDF whose page draws a form 1000 times, each a million `q Q` operators: minutes of parsing, from 10 KB. */
function slowPage(): Uint8Array {
  const form = deflateSync('q Q '.repeat(1e6))
  const content = '/L Do '.repeat(1000)
  const parts = [
    '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /L 5 0 R >> >> /Contents 4 0 R >>\nendobj\n',
    `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`,
    `5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length ${form.length} /Filter /FlateDecode >>\nstream\n`,
  ]
  const tail = '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'
  return new Uint8Array(Buffer.concat([...parts.map((p) => Buffer.from(p, 'latin1')), form, Buffer.from(tail, 'latin1')]))
}

test('pdf: a page that takes minutes is given up at the time limit; the next file reads as usual', async () => {
  // PDFium runs in its own thread, which is ended at the deadline.
  const start = performance.now()
  const read = await readPdf('slow.pdf', slowPage(), { maxSeconds: 3 })
  assert.ok(performance.now() - start < 10_000)
  assert.equal(read.pagesRead, 0)
  assert.deepEqual(read.diagnostics.map((d) => [d.ruleId, d.place?.page]), [['parse/pdf-time-limit', 1]])
  const { layout } = await readPdf('t.pdf', buildPdf([ruledTable()]))
  assert.equal(layout.lines.length, 6)
})

test('pdf: a damaged font (a fuzzed file pdf.js spent three minutes on) reads within the limit', async () => {
  const file = 'test/fixtures/pdf/fuzzed-slow-font.pdf'
  const read = await readPdf(file, readFileSync(file), { maxSeconds: 10 })
  assert.equal(read.pagesRead, read.pages)
  assert.ok(!read.diagnostics.some((d) => d.ruleId === 'parse/pdf-time-limit'))
})

/** Expect readPdf to reject with a PdfError of this reason whose message names the file. */
async function rejects(file: string, bytes: Uint8Array, reason: string, pattern: RegExp, limits: Partial<PdfLimits> = {}) {
  await assert.rejects(readPdf(file, bytes, limits), (e: unknown) => {
    assert.ok(e instanceof PdfError, `expected a PdfError, got ${String(e)}`)
    assert.equal(e.reason, reason)
    assert.ok(e.message.startsWith(`${file}: `), e.message)
    assert.match(e.message, pattern)
    return true
  })
}

test('pdf: encrypted with a user password → clear error naming the file', async () => {
  // Made with `qpdf --encrypt secret owner 256` from a buildPdf page (AES-256).
  const file = 'test/fixtures/pdf/encrypted-user-password.pdf'
  await rejects(file, readFileSync(file), 'encrypted', /加密|encrypted/)
})

test('pdf: encrypted with an owner password only (empty user password) opens', async () => {
  const file = 'test/fixtures/pdf/encrypted-owner-only.pdf'
  const { layout } = await readPdf(file, readFileSync(file))
  assert.deepEqual(layout.lines.map((l) => l.text), ['Budget 2024 (test)', 'abcdefghijklmnopqrstuvwxyz'])
})

test('pdf: truncated, corrupt or empty files end with a clear error, never a hang', async () => {
  const good = buildPdf([ruledTable(), ruledTable()])
  await rejects('half.pdf', good.subarray(0, good.length >> 1), 'invalid', /损坏|truncated/)
  await rejects('head.pdf', good.subarray(0, 200), 'invalid', /损坏|truncated/)
  await rejects('empty.pdf', new Uint8Array(0), 'invalid', /PDF/)
  const noHeader = new Uint8Array(good)
  noHeader.set(new TextEncoder().encode('%XYZ-'), 0)
  await rejects('header.pdf', noHeader, 'invalid', /%PDF-/)
  await rejects('garbage.pdf', new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(10000)), 'invalid', /损坏|truncated/)
  await rejects('huge.pdf', good, 'too-large', /过大|too large/, { maxBytes: 1000 })
})

test('pdf: a file cut after its last page still reads, with a truncation warning', async () => {
  const good = buildPdf([ruledTable()])
  // Drop the trailer's %%EOF: pdf.js rebuilds the cross-reference table from the objects.
  const cut = good.subarray(0, good.length - 7)
  const { layout, diagnostics } = await readPdf('cut.pdf', cut)
  assert.equal(layout.lines.length, 6)
  assert.deepEqual(diagnostics.map((d) => d.ruleId), ['parse/pdf-truncated'])
})

test('pdf: the caller keeps its bytes (pdf.js transfers the buffer it is given)', async () => {
  const bytes = buildPdf([ruledTable()])
  const length = bytes.length
  await readPdf('t.pdf', bytes)
  assert.equal(bytes.length, length)
})

test('pdf: the public API of parse/pdf is pinned', async () => {
  assert.deepEqual(Object.keys(await import('../../src/parse/pdf/index.ts')).sort(), ['PdfError', 'defaultLimits', 'readPdf'])
})

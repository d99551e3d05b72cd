/**
 * A tiny PDF writer for tests: pages of text in a standard font and drawn lines, so tests can
 * build the inputs they need (500 pages, ruled grids, unmapped glyphs) without any tool.
 */

/** Text at (x, y) in PDF points with a bottom-left origin, as PDF draws it. */
export interface TextRun {
  x: number
  y: number
  size?: number
  text: string
}

export interface FakePage {
  text?: TextRun[]
  /** Stroked line segments [x0, y0, x1, y1], bottom-left origin. */
  lines?: [number, number, number, number][]
  /** Path operators drawn as given (`10 10 m 20 30 40 30 50 10 c f`), in user space. */
  draw?: string
}

export interface BuildOptions {
  /** 'helvetica' (unembedded standard font) or 'unmapped' (a CID font with no ToUnicode and no font file: no glyph has a Unicode value). */
  font?: 'helvetica' | 'unmapped'
  /** Page size in points (default A4). */
  width?: number
  height?: number
  /**
   * 90: a landscape page as Word and WPS write one, a portrait MediaBox shown with /Rotate 90 and
   * its content drawn turned a quarter turn. Text and lines are still given as they appear, in
   * the coordinates of a `height` × `width` landscape page.
   */
  rotate?: 0 | 90
  /** With `rotate: 90`, leave /Rotate out: the content shows sideways, as some printers make it. */
  sideways?: boolean
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c)

/** Build a PDF file. */
export function buildPdf(pages: FakePage[], options: BuildOptions = {}): Uint8Array {
  const { font = 'helvetica', width = 595, height = 842, rotate = 0, sideways = false } = options
  // Shown turned clockwise, user space (ux, uy) appears at (uy, ux) from the top left: a point
  // (x, y) of the landscape page (bottom-left origin) is drawn at (width - y, x).
  const at = (x: number, y: number): [number, number] => (rotate === 90 ? [width - y, x] : [x, y])
  const objects: string[] = []
  const add = (body: string) => {
    objects.push(body)
    return objects.length
  }
  const catalog = add('')
  const pagesObj = add('')
  let fontObj: number
  if (font === 'helvetica') fontObj = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  else {
    const desc = add('<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>')
    const cid = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${desc} 0 R /DW 1000 >>`)
    fontObj = add(`<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [${cid} 0 R] >>`)
  }
  const kids: number[] = []
  for (const page of pages) {
    let content = ''
    for (const [x0, y0, x1, y1] of page.lines ?? []) content += `0.5 w ${at(x0, y0).join(' ')} m ${at(x1, y1).join(' ')} l S\n`
    if (page.draw) content += page.draw + '\n'
    for (const t of page.text ?? []) {
      const str =
        font === 'helvetica'
          ? `(${esc(t.text)})`
          : '<' + [...t.text].map((ch) => (0xe000 + (ch.codePointAt(0)! % 512)).toString(16).padStart(4, '0')).join('') + '>'
      const [ux, uy] = at(t.x, t.y)
      const matrix = rotate === 90 ? `0 1 -1 0 ${ux} ${uy}` : `1 0 0 1 ${ux} ${uy}`
      content += `BT /F1 ${t.size ?? 10} Tf ${matrix} Tm ${str} Tj ET\n`
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`)
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${width} ${height}]${rotate && !sideways ? ` /Rotate ${rotate}` : ''} /Resources << /Font << /F1 ${fontObj} 0 R >> >> /Contents ${stream} 0 R >>`))
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

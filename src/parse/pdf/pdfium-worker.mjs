// PDFium (WebAssembly, @embedpdf/pdfium) in a thread of its own (see thread.ts). Plain JavaScript:
// the thread starts without tsx, so it loads fast and small. It only extracts: each page's
// characters with their boxes and its painted paths, as flat typed arrays (cheap to post);
// glyphs.ts and ruling.ts make words and rules of them on the main thread.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parentPort } from 'node:worker_threads'
import { init } from '@embedpdf/pdfium'

const wasm = createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm')
const pdfium = await init({ wasmBinary: readFileSync(wasm), print: () => {}, printErr: () => {} })
pdfium.PDFiumExt_Init()
// The C API called directly: the wrapped functions convert and check every argument.
const api = pdfium.pdfium.wasmExports

/** Scratch memory for out-parameters (up to six doubles). */
const out = api.malloc(64)
let heap = api.memory.buffer
let f32 = new Float32Array(heap)
let f64 = new Float64Array(heap)
let i32 = new Int32Array(heap)
/** Views on wasm memory, made again when it has grown (growing detaches the old buffer). */
function views() {
  if (heap === api.memory.buffer) return
  heap = api.memory.buffer
  f32 = new Float32Array(heap)
  f64 = new Float64Array(heap)
  i32 = new Int32Array(heap)
}

/** Open documents by id: the PDFium handle and the copy of the file it reads from. */
const docs = new Map()
let nextId = 1

/** Per character: code point, flags, origin x y, box left bottom right top, direction x y, font size (see thread.ts). */
const CHAR = 11
const GENERATED = 1
const UNMAPPED = 2

function open(bytes) {
  const data = api.malloc(bytes.length)
  new Uint8Array(api.memory.buffer).set(bytes, data)
  const doc = api.FPDF_LoadMemDocument(data, bytes.length, 0)
  if (!doc) {
    const error = api.FPDF_GetLastError()
    api.free(data)
    return { error }
  }
  const id = nextId++
  docs.set(id, { doc, data })
  return { id, pages: api.FPDF_GetPageCount(doc) }
}

function close(id) {
  const d = docs.get(id)
  if (!d) return {}
  docs.delete(id)
  api.FPDF_CloseDocument(d.doc)
  api.free(d.data)
  return {}
}

/** A page box [x0, y0, x1, y1] in user space, or undefined when the page has none of that kind. */
function box(get, page) {
  if (!get(page, out, out + 4, out + 8, out + 12)) return undefined
  views()
  const [l, b, r, t] = f32.subarray(out >> 2, (out >> 2) + 4)
  return [Math.min(l, r), Math.min(b, t), Math.max(l, r), Math.max(b, t)]
}

function page(id, n) {
  const d = docs.get(id)
  if (!d) throw new Error(`no open document ${id}`)
  const page = api.FPDF_LoadPage(d.doc, n - 1)
  if (!page) throw new Error(`PDFium cannot load page ${n} (error ${api.FPDF_GetLastError()})`)
  try {
    const media = box(api.FPDFPage_GetMediaBox, page) ?? [0, 0, 612, 792]
    const crop = box(api.FPDFPage_GetCropBox, page)
    return { media, crop, rotate: api.FPDFPage_GetRotation(page) * 90, ...text(page), ...objects(page) }
  } finally {
    api.FPDF_ClosePage(page)
  }
}

/** The characters of a page, in content order, with PDFium's generated spaces and line breaks. */
function text(page) {
  const tp = api.FPDFText_LoadPage(page)
  if (!tp) return { chars: new Float32Array(0) }
  try {
    const n = api.FPDFText_CountChars(tp)
    const chars = new Float32Array(n * CHAR)
    for (let k = 0, at = 0; k < n; k++, at += CHAR) {
      chars[at] = api.FPDFText_GetUnicode(tp, k)
      chars[at + 1] = (api.FPDFText_IsGenerated(tp, k) === 1 ? GENERATED : 0) | (api.FPDFText_HasUnicodeMapError(tp, k) === 1 ? UNMAPPED : 0)
      api.FPDFText_GetCharOrigin(tp, k, out, out + 8)
      // The loose box: the advance width by the font's ascent and descent (the tight box shrinks to the ink).
      api.FPDFText_GetLooseCharBox(tp, k, out + 16)
      api.FPDFText_GetMatrix(tp, k, out + 32)
      const size = api.FPDFText_GetFontSize(tp, k)
      views()
      const o = out >> 3
      const q = (out + 16) >> 2
      const m = (out + 32) >> 2
      chars[at + 2] = f64[o]
      chars[at + 3] = f64[o + 1]
      // FS_RECTF is left, top, right, bottom.
      chars[at + 4] = f32[q]
      chars[at + 5] = f32[q + 3]
      chars[at + 6] = f32[q + 2]
      chars[at + 7] = f32[q + 1]
      chars[at + 8] = f32[m]
      chars[at + 9] = f32[m + 1]
      // The font size scaled by the text matrix, as the glyphs show on the page.
      chars[at + 10] = size * Math.hypot(f32[m + 2], f32[m + 3])
    }
    return { chars }
  } finally {
    api.FPDFText_ClosePage(tp)
  }
}

const IMAGE = 3
const PATH = 2
const FORM = 5
const BEZIER = 1
const MOVE = 2

/**
 * The painted paths of a page, form XObjects included, as records: point count, filled, stroked,
 * then per point x, y (page space) and flags (1 starts a subpath, 2 closes it, 4 ends a Bézier
 * curve). Of a Bézier curve only the end point is kept: in a table, curves are rounded corners
 * at most. And the number of images the page paints (a scan is one, or a few strips).
 */
function objects(page) {
  const rec = []
  let images = 0
  const walk = (count, get, parent) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i)
      const type = api.FPDFPageObj_GetType(obj)
      if (type === IMAGE) images++
      if (type !== PATH && type !== FORM) continue
      if (!api.FPDFPageObj_GetMatrix(obj, out)) continue
      views()
      const m = multiply(parent, Array.from(f32.subarray(out >> 2, (out >> 2) + 6)))
      if (type === FORM) {
        walk(api.FPDFFormObj_CountObjects(obj), (j) => api.FPDFFormObj_GetObject(obj, j), m)
        continue
      }
      api.FPDFPath_GetDrawMode(obj, out, out + 4)
      views()
      const fill = i32[out >> 2] !== 0
      const stroke = i32[(out + 4) >> 2] !== 0
      if (!fill && !stroke) continue
      const head = rec.length
      rec.push(0, fill ? 1 : 0, stroke ? 1 : 0)
      const segments = api.FPDFPath_CountSegments(obj)
      let bezier = 0
      for (let s = 0; s < segments; s++) {
        const seg = api.FPDFPath_GetPathSegment(obj, s)
        const kind = api.FPDFPathSegment_GetType(seg)
        if (kind === BEZIER && ++bezier % 3 !== 0) continue
        api.FPDFPathSegment_GetPoint(seg, out, out + 4)
        views()
        const x = f32[out >> 2]
        const y = f32[(out >> 2) + 1]
        const flags = (kind === MOVE ? 1 : 0) | (api.FPDFPathSegment_GetClose(seg) ? 2 : 0) | (kind === BEZIER ? 4 : 0)
        rec.push(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5], flags)
        rec[head]++
      }
    }
  }
  walk(api.FPDFPage_CountObjects(page), (j) => api.FPDFPage_GetObject(page, j), [1, 0, 0, 1, 0, 0])
  return { paths: Float32Array.from(rec), images }
}

/** The matrix that applies `inner` first, then `outer`. */
function multiply(outer, inner) {
  const [a, b, c, d, e, f] = outer
  const [p, q, r, s, t, u] = inner
  return [a * p + c * q, b * p + d * q, a * r + c * s, b * r + d * s, a * t + c * u + e, b * t + d * u + f]
}

parentPort.on('message', ({ id, op, args }) => {
  try {
    const result = op === 'open' ? open(args[0]) : op === 'page' ? page(args[0], args[1]) : close(args[0])
    const transfer = [result.chars?.buffer, result.paths?.buffer].filter(Boolean)
    parentPort.postMessage({ id, result }, transfer)
  } catch (e) {
    // A trap inside PDFium (a RuntimeError) leaves its memory in an unknown state: the thread is
    // ended after answering, and the next document gets a fresh one.
    const fatal = e instanceof WebAssembly.RuntimeError
    parentPort.postMessage({ id, error: { message: String(e?.message ?? e), fatal } })
    if (fatal) process.exit(1)
  }
})

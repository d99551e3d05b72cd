/**
 * The one import of pdf.js, which renders pages for OCR (parse/ocr; text is read with PDFium,
 * thread.ts). The legacy build (the one that runs on Node 20) carries core-js
 * polyfills, and one of them replaces `Array.prototype.push` for the whole process, because
 * Node 20's V8 does not throw when pushing onto an array with a non-writable length. The
 * replacement is a plain JavaScript loop: it made `push` the hottest function in a profile of
 * reading putuo-finance-2024-final.pdf (184 ms of about 1 s). We load pdf.js here, once, and put
 * the native `push` back; the edge case it fixes never arises in pdf.js.
 *
 * Source maps are switched off while pdf.js loads: tsx turns them on for the whole process, and
 * Node then parses pdf.js's 8 MB of `.map` files, which cost about 200 MB of RSS for stack
 * traces nobody reads. The minified build is loaded for the same reason: under tsx (which reads
 * every module it loads) it keeps about 100 MB less resident than pdf.mjs; its API and types
 * are those of pdf.mjs.
 */
const nativePush = Array.prototype.push
const maps = process.sourceMapsEnabled
process.setSourceMapsEnabled(false)
const mainModule: string = 'pdfjs-dist/legacy/build/pdf.min.mjs'
const pdfjs = (await import(mainModule)) as typeof import('pdfjs-dist/legacy/build/pdf.mjs')
process.setSourceMapsEnabled(maps)
Array.prototype.push = nativePush
// pdf.js runs its worker code on this thread ("fake worker"); let it import the minified build for it too.
pdfjs.GlobalWorkerOptions.workerSrc = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs'

export const { getDocument, OPS } = pdfjs
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

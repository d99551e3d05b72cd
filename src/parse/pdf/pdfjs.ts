/**
 * The one import of pdf.js on the main thread (its worker code runs in a thread of its own:
 * thread.ts, pdfjs-worker.mjs). The legacy build (the one that runs on Node 20) carries core-js
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
// Documents opened without a thread (loadPdf without `worker`) run pdf.js's worker code here;
// let pdf.js import the minified build for it too.
pdfjs.GlobalWorkerOptions.workerSrc = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs'

export const { getDocument, OPS, PDFWorker } = pdfjs
export type PDFWorker = InstanceType<typeof pdfjs.PDFWorker>
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
export type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js'

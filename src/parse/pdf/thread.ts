import { Worker } from 'node:worker_threads'
import { PDFWorker } from './pdfjs.ts'

/**
 * pdf.js parses in a worker thread of its own, as it does in a browser. In Node its default is a
 * "fake worker" on the main thread, where a page that loops (a damaged font program took pdf.js
 * three minutes on one fuzzed page) blocks everything and an unhandled rejection inside pdf.js
 * ends the process. In a thread, the reader can give up on a page after a deadline and terminate
 * the thread, and a thread that dies takes only its document with it.
 */
export interface PdfThread {
  /** The pdf.js handle to pass to getDocument. */
  pdfWorker: PDFWorker
  /** Rejects when the thread dies (never resolves). */
  failed: Promise<never>
  /** True once the thread has died or been terminated. */
  readonly dead: boolean
  /** Keep the process alive while a document is being read. */
  busy(on: boolean): void
  terminate(): void
}

let current: PdfThread | undefined

/** Heap of the pdf.js thread, in MB (reading putuo-finance-2024-final.pdf peaks near 300). */
const HEAP_MB = 1536

/** The pdf.js thread, started on first use and kept for the next document. */
export function pdfThread(): PdfThread {
  if (current) return current
  // Without tsx (the worker code is plain JavaScript), and with a heap of its own: a file that
  // makes pdf.js allocate without end exhausts the thread's heap, not the process's.
  const worker = new Worker(new URL('./pdfjs-worker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  })
  worker.unref()
  const listeners = new Map<(e: { data: unknown }) => void, (data: unknown) => void>()
  // The Worker dressed as the Web Worker pdf.js expects.
  const port = {
    postMessage: (message: unknown, transfer?: Transferable[]) => worker.postMessage(message, transfer as never),
    addEventListener(type: string, listener: (e: { data: unknown }) => void, options?: { signal?: AbortSignal }) {
      if (type !== 'message') return
      const handler = (data: unknown) => listener({ data })
      listeners.set(listener, handler)
      worker.on('message', handler)
      options?.signal?.addEventListener('abort', () => port.removeEventListener(type, listener))
    },
    removeEventListener(_type: string, listener: (e: { data: unknown }) => void) {
      const handler = listeners.get(listener)
      if (!handler) return
      worker.off('message', handler)
      listeners.delete(listener)
    },
    terminate: () => void worker.terminate(),
  }
  let fail: (e: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  let dead = false
  const thread: PdfThread = {
    pdfWorker: new PDFWorker({ port: port as never, verbosity: 0 }),
    failed,
    get dead() {
      return dead
    },
    busy: (on) => (on ? worker.ref() : worker.unref()),
    terminate() {
      dead = true
      if (current === thread) current = undefined
      void worker.terminate()
    },
  }
  const died = (e: Error) => {
    dead = true
    if (current === thread) current = undefined
    fail(e)
  }
  worker.on('error', (e) => died(e))
  worker.on('exit', (code) => died(new Error(`pdf.js thread exited (${code})`)))
  current = thread
  return thread
}

import { Worker } from 'node:worker_threads'

/**
 * PDFium reads PDFs in a worker thread of its own (pdfium-worker.mjs). A page that loops (a
 * fuzzed font once took pdf.js three minutes) is given up at the reader's deadline by
 * terminating the thread, and a thread that dies (a trap in PDFium, memory exhausted) takes
 * only its document with it; the next document starts a fresh thread.
 */
export interface PdfThread {
  /** Open a document; `error` is PDFium's FPDF_ERR_* code when it cannot be opened. */
  open(bytes: Uint8Array): Promise<{ id: number; pages: number } | { error: number }>
  /** Extract page `n` (1-based) of an open document. */
  page(id: number, n: number): Promise<RawPage>
  close(id: number): Promise<void>
  /** Rejects when the thread dies (never resolves). */
  failed: Promise<never>
  /** True once the thread has died or been terminated. */
  readonly dead: boolean
  /** Keep the process alive while a document is being read. */
  busy(on: boolean): void
  terminate(): void
}

/** One page as PDFium gives it, in user space (PDF points, bottom-left origin, not rotated). */
export interface RawPage {
  media: Box4
  crop: Box4 | undefined
  /** /Rotate, clockwise. */
  rotate: number
  /**
   * Per character, `CHAR` numbers: code point, flags (`GENERATED`, `UNMAPPED`), origin x y, box
   * left bottom right top (the advance width by the font's ascent and descent), the baseline's
   * direction x y, and the font size on the page.
   */
  chars: Float32Array
  /** Painted paths: point count, filled, stroked, then per point x, y and flags (`MOVE`, `CLOSE`, `CURVE`). */
  paths: Float32Array
  /** Image objects painted, form XObjects included. */
  images: number
}

export type Box4 = [number, number, number, number]

/** Numbers per character in `RawPage.chars`. */
export const CHAR = 11
/** A space or line break PDFium inserted where it saw a gap; not in the file. */
export const GENERATED = 1
/** A character whose font gives no Unicode value for it. */
export const UNMAPPED = 2
/** Path point flags: the point starts a subpath; the subpath is closed after it; */
export const MOVE = 1
export const CLOSE = 2
/** ...the point ends a Bézier curve (whose control points are left out). */
export const CURVE = 4

let current: PdfThread | undefined

/** Memory of the thread's JavaScript heap, in MB (PDFium's own memory is WebAssembly memory, capped by the build). */
const HEAP_MB = 256

/** The PDFium thread, started on first use and kept for the next document. */
export function pdfThread(): PdfThread {
  if (current) return current
  // Without tsx (the worker is plain JavaScript).
  const worker = new Worker(new URL('./pdfium-worker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
  })
  worker.unref()
  let fail: (e: Error) => void = () => {}
  const failed = new Promise<never>((_, reject) => (fail = reject))
  failed.catch(() => {})
  let dead = false
  let next = 1
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: { message: string; fatal: boolean } }) => {
    const call = waiting.get(id)
    waiting.delete(id)
    if (error) call?.reject(new Error(error.message))
    else call?.resolve(result)
  })
  const call = <T>(op: string, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      worker.postMessage({ id, op, args }, transfer)
    })
  const thread: PdfThread = {
    // The copy is handed over (transferred): the caller keeps its bytes.
    open: (bytes) => {
      const copy = new Uint8Array(bytes)
      return call('open', [copy], [copy.buffer])
    },
    page: (id, n) => call('page', [id, n]),
    close: (id) => call('close', [id]),
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
  worker.on('exit', (code) => died(new Error(`PDFium thread exited (${code})`)))
  current = thread
  return thread
}

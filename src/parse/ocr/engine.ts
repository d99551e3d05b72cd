import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Page, PSM, Worker } from 'tesseract.js'
import type { Bitmap } from './bitmap.ts'
import { encodePng } from './bitmap.ts'

/** A word the recogniser read, in pixels of the image it was given. */
export interface OcrWord {
  text: string
  /** [x0, y0, x1, y1], top-left origin. */
  box: [number, number, number, number]
  /** The recogniser's confidence, 0 to 1. */
  confidence: number
  /** The baseline of the word's text line at the word's centre. */
  base: number
  /** Height of the word's text line (close to the font size). */
  size: number
}

/** How to read one image. */
export type RecognizeOptions = RecognizeMode & {
  /** The image's resolution, dots per inch (300 when not given): tesseract sizes text by it. */
  dpi?: number
}

/** What is read. */
export type RecognizeMode =
  /**
   * A whole page in Chinese, laid out by the recogniser (page segmentation mode 3, the only
   * mode that keeps the rows of a ruled table, stack notes §3).
   */
  | { mode: 'page' }
  /** One line of Chinese text (a table cell; mode 7). */
  | { mode: 'line' }
  /** Several cells stacked one above the other, one per line (mode 6), read as `line`. */
  | { mode: 'lines' }
  /**
   * One line holding a number, read by the English model with only digits and separators
   * allowed. The Chinese model confuses digits of thin Latin fonts (`5` as `3`, `1,511` as
   * `1,5311`: 2 of 12 number cells right on putuo-finance page 8), the English one does not (12 of 12).
   */
  | { mode: 'number' }
  /** Several number cells stacked one above the other, one per line (mode 6), read as `number`. */
  | { mode: 'numbers' }

/** Characters a number cell may hold: digits, separators, a sign, a percent. */
export const NUMBER_CHARS = '0123456789,.-%'

/** A recogniser: tesseract.js workers, started on first use, kept for many pages and terminated once. */
export interface OcrEngine {
  recognize(image: Bitmap, options: RecognizeOptions): Promise<OcrWord[]>
  /** Stop the workers (their threads keep the process alive until then). */
  terminate(): Promise<void>
}

const require = createRequire(import.meta.url)
/**
 * The language data ships in npm packages (no download at run time: these machines reach only
 * the npm registry). Their `4.0.0` sets, not `4.0.0_best_int`, which reads table bodies as
 * garbage (stack notes §3).
 */
const langPath = (lang: string) => join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0')

/**
 * A recogniser for Chinese pages with their numbers: a `chi_sim` worker for pages and text
 * cells and an `eng` worker for number cells, both LSTM. Each starts on its first use (about a
 * second for `chi_sim`, 20 MB of gzipped data).
 */
export function createOcrEngine(): OcrEngine {
  const workers = new Map<string, Promise<Tesseract>>()
  const get = (lang: 'chi_sim' | 'eng') => {
    let w = workers.get(lang)
    if (!w) {
      w = start(lang)
      workers.set(lang, w)
    }
    return w
  }
  return {
    async recognize(image, options) {
      const digits = options.mode === 'number' || options.mode === 'numbers'
      const t = await get(digits ? 'eng' : 'chi_sim')
      return t.read(image, options.mode === 'page' ? '3' : options.mode === 'numbers' || options.mode === 'lines' ? '6' : '7', digits ? NUMBER_CHARS : '', options.dpi ?? 300)
    },
    async terminate() {
      const all = [...workers.values()]
      workers.clear()
      await Promise.all(all.map(async (w) => (await w).worker.terminate()))
    },
  }
}

interface Tesseract {
  worker: Worker
  read(image: Bitmap, psm: '3' | '6' | '7', whitelist: string, dpi: number): Promise<OcrWord[]>
}

async function start(lang: string): Promise<Tesseract> {
  // tesseract.js is CommonJS and large: loaded on first use, so text parsing never pays for it.
  const { createWorker } = (await import('tesseract.js')).default
  let failure: unknown
  const worker = await createWorker([lang], 1, {
    langPath: langPath(lang),
    gzip: true,
    cacheMethod: 'none',
    errorHandler: (e: unknown) => {
      failure = e
    },
  })
  let params = ''
  return {
    worker,
    async read(image, psm, whitelist, dpi) {
      const wanted = `${psm} ${dpi} ${whitelist}`
      if (params !== wanted) {
        await worker.setParameters({
          tessedit_pageseg_mode: psm as PSM,
          tessedit_char_whitelist: whitelist,
          preserve_interword_spaces: '1',
          user_defined_dpi: String(Math.round(dpi)),
        })
        params = wanted
      }
      const { data } = await worker.recognize(await encodePng(image), {}, { blocks: true, text: false })
      if (failure) throw failure instanceof Error ? failure : new Error(String(failure))
      return words(data)
    },
  }
}

/** The words of a recognised page, each with its line's baseline and height. */
function words(page: Page): OcrWord[] {
  const out: OcrWord[] = []
  for (const block of page.blocks ?? [])
    for (const para of block.paragraphs)
      for (const line of para.lines) {
        const b = line.baseline
        // The row height is close to the font size (an ideograph's em); bare digits' boxes are only their cap height.
        const size = Math.max(1, line.rowAttributes.rowHeight)
        for (const w of line.words) {
          const text = w.text.trim()
          if (text === '') continue
          const cx = (w.bbox.x0 + w.bbox.x1) / 2
          const base = b.x1 > b.x0 ? b.y0 + ((cx - b.x0) / (b.x1 - b.x0)) * (b.y1 - b.y0) : w.bbox.y1
          out.push({ text, box: [w.bbox.x0, w.bbox.y0, w.bbox.x1, w.bbox.y1], confidence: w.confidence / 100, base, size })
        }
      }
  return out
}

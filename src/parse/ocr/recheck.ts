import type { Row, RowCell } from '../pdf/lines.ts'
import { crop, inkIn, type Bitmap } from './bitmap.ts'
import type { OcrEngine } from './engine.ts'
import { correct, isWord } from './lexicon.ts'
import { embolden, onlyDigitInk } from './number-ink.ts'
import { readStack } from './stack.ts'
import type { ScannedWord } from './words.ts'

/** A cell that should hold a number: digits and separators only (`:` and `;` are points with a speck on them: `6:20`). */
const NUMERIC = /^[\d,.\-%:;]+$/
/** A well-formed number as printed in the tables: grouped or plain, optional decimals, `-` for zero. */
const WELL_FORMED = /^(?:-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|-)$/
const CJK = /[\u3400-\u9fff]/
/** A figure as the page reading gives it, before the number reader reads it again. */
const FIGURE = /^\d[\d,.]*$/
/** Specks read as punctuation, and nothing else. */
const MARKS = /^[.,'`|_~:;"“”‘’。、·\s]+$/
/**
 * Digits with one ideograph the Chinese model made of a digit (`王17` for 1.17, `生15.89`, `不5`
 * for 9.45): before a digit, never last, where a unit would be (`165个`).
 */
const ONE_IDEOGRAPH = /^[\d,.\-%:;]*[\u3400-\u9fff][\d,.\-%:;]*\d[\d,.%]*$/
/** An amount as the tables print it: 万元 with two decimals. */
const AMOUNT = /^\d[\d,]*\.\d\d$/
/** Marks OCR leaves at the ends of a number cell (quotes, rule remnants, a speck read as a point): all but digits, a sign, a percent and ideographs. */
const EDGE = /^[^\d\-\u3400-\u9fff]+|[^\d%\u3400-\u9fff]+$/g
/**
 * What a cell holds once the marks at its ends are gone; a mark before digits that the Chinese
 * model reads as an ideograph (一, 丨: a rule's remnant, a quote, a `4.` broken up, as in `一89`
 * for 4.89) goes too, since no number starts with an ideograph.
 */
const numberCore = (text: string) => text.replace(EDGE, '').replace(/^[一丨]+(?=[\d.])/, '')
/** A number reading without separators at its ends (a speck beside a number reads as `.` or `,`). */
const trimmed = ([text, conf]: [string, number]): [string, number] => [text === '-' ? text : text.replace(/^[.,]+|[.,]+$/g, ''), conf]

/** Digits with one letter the Chinese model put in (`4t5.89`, `1O1`, `1t:50` with a specked point): read again as a number. A code such as `XM2024001` is not. */
const numberish = (text: string) =>
  !CJK.test(text) && text.length >= 3 && (text.match(/[^\d,.\-%:;]/g)?.length ?? 0) === 1 && (text.match(/\d/g)?.length ?? 0) * 2 >= text.length

/** Text cells the page reading is less sure of than this are read again on their own. */
const SURE = 0.9
/** Number cells read in one image at most (a page of a budget table has 50 to 150). */
const BATCH = 80

/**
 * The text and confidence of every cell of the rows, with number cells read again. The page
 * reading (Chinese model, whole lines of the table at once) gets digits of thin Latin fonts
 * wrong, so every cell that holds a number is cut out and read twice by the number reader
 * (English model, digits and separators only): as it is and emboldened. Two equal, well-formed
 * readings give the number, as sure as the surer of them; two different readings keep the
 * better-formed one and mark the cell unsure (at most `doubt`), so a number read two ways never
 * passes as certain. A ruled cell with ink but no text (the page reading sometimes drops a short
 * code such as `201` entirely) is read on its own first.
 *
 * The number cells of a page are stacked into one image per reading, so a page costs two
 * recogniser calls, not two per cell (each call has a fixed cost of tens of milliseconds).
 *
 * Other cells keep the page reading, as sure as their least sure word; text with digits mixed
 * with letters (`1O1`) is unsure. `image` is the level page without its rules, in pixels at
 * `scale` per point; boxes are in points. Changes cell texts in place and returns the
 * confidence of each cell, row by row.
 */
export async function recheckCells(
  engine: OcrEngine,
  image: Bitmap,
  scale: number,
  rows: Row[],
  words: ScannedWord[],
  doubt: number,
  dpi: number,
): Promise<number[][]> {
  const confs: number[][] = []
  // `misread`: the page reading gave it an ideograph, so no second reading makes it sure.
  type Item = { cell: RowCell; r: number; c: number; image: Bitmap; code?: string; misread?: boolean }
  const numbers: Item[] = []
  const lost: Item[] = []
  const unsure: Item[] = []
  // The header rows of each ruled table: those above its first row with a number. A header
  // wrapped over two lines can come out of the page reading as its last line alone, and sure of
  // it (`算` for 一般公共预 / 算, 003-scanned.pdf page 3), so header cells are all read again.
  // A row of column labels with one of them misread as a figure (资本性支出 as `1`, 003-scanned.pdf
  // page 22) is still a header: its words of the lexicon outnumber its figures more than twice.
  const firstBody = new Map<number, number>()
  rows.forEach((row, r) => {
    if (row.grid === undefined || firstBody.has(row.grid)) return
    const figures = row.cells.filter((c) => FIGURE.test(c.text.trim())).length
    if (figures > 0 && !(row.cells.filter((c) => isWord(c.text)).length > Math.max(2, 2 * figures))) firstBody.set(row.grid, r)
  })
  const isHeader = (row: Row, r: number) => row.grid !== undefined && r < (firstBody.get(row.grid) ?? -1)
  // Body cells read unsurely as digits with one ideograph: numbers misread if their column holds figures (counted once the lost cells are read).
  const maybe: Item[] = []
  for (const [r, row] of rows.entries()) {
    confs.push([])
    for (const [c, cell] of row.cells.entries()) {
      const inside = cell.covered ? [] : wordsIn(cell, words)
      const text = cell.text.replace(/\s+/g, '')
      const core = numberCore(text)
      const conf = inside.length === 0 ? 1 : Math.min(...inside.map((w) => w.confidence))
      confs[r]!.push(conf)
      if (cell.covered) continue
      // A cell read as marks alone is as good as empty: its ink is read again (`02` read as `,`, 001-scanned.pdf page 8).
      if (text === '' || MARKS.test(text)) {
        const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
        const h = y1 - y0
        // An empty ruled cell with more ink than a few specks (a fiftieth of its height squared; a digit
        // has over twice that) away from its edges, where what is left of a faded rule lies.
        if (row.grid !== undefined && inkIn(image, x0 + 4, y0 + h / 5, x1 - 4, y1 - h / 5) >= 0.02 * h * h)
          lost.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      } else if (isHeader(row, r) && conf < SURE && FIGURE.test(text)) unsure.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      else if ((NUMERIC.test(core) && /\d/.test(core)) || numberish(core)) numbers.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
      // Digits mixed with letters or symbols (`1O1`, `3l.2`) are never a clean reading.
      else if (!CJK.test(text) && /\d/.test(text)) confs[r]![c] = Math.min(conf, doubt)
      else {
        if (row.grid !== undefined && (conf < SURE || isHeader(row, r))) unsure.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
        if (row.grid !== undefined && !isHeader(row, r) && conf < SURE && ONE_IDEOGRAPH.test(core)) maybe.push({ cell, r, c, image: cellImage(image, scale, row, cell) })
        // A code printed in the cell of its name (`201 一般公共服务支出`): the code word goes to the number reader too.
        const sorted = [...inside].sort((a, b) => a.x0 - b.x0)
        const first = sorted[0]
        if (first && !CJK.test(first.text) && (first.text.match(/\d/g)?.length ?? 0) >= 2 && cell.text.trimStart().startsWith(first.text)) {
          const [, y0, , y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
          const h = Math.min(y1 - y0, first.size * scale * 1.6)
          const cy = ((first.y0 + first.y1) / 2) * scale
          const pad = 0.3 * h
          // Never into the next word: the number reader reads half an ideograph as a digit (202 外交支出 → 2024).
          const right = Math.min(first.x1 * scale + pad, (sorted[1]?.x0 ?? Infinity) * scale - 1)
          const part = crop(image, first.x0 * scale - pad, cy - h / 2, right, cy + h / 2, Math.round(pad))
          numbers.push({ cell, r, c, image: part, code: first.text })
        }
      }
    }
  }
  // Ruled text cells the page reading was unsure of (headers wrapped over two or three lines
  // come out with doubled characters: 财财政政拔拨款款收入), read on their own; the surer reading wins.
  for (let i = 0; i < unsure.length; i += BATCH) {
    const batch = unsure.slice(i, i + BATCH)
    const plain = await readStack(engine, batch.map((n) => n.image), 'lines', dpi)
    const bold = await readStack(engine, batch.map((n) => embolden(n.image)), 'lines', dpi)
    batch.forEach((n, k) => {
      // A reading that is a word of the lexicon wins; otherwise the surest of the three.
      const readings: [string, number][] = [[n.cell.text, confs[n.r]![n.c]!], plain[k]!, bold[k]!]
      const best = readings.find(([t]) => t !== '' && isWord(t)) ?? readings.reduce((a, b) => (b[0] !== '' && b[1] > a[1] ? b : a))
      n.cell.text = best[0]
      confs[n.r]![n.c] = isWord(best[0]) ? Math.max(best[1], doubt + 0.01) : best[1]
    })
  }
  // Cells the page reading lost, read on their own (as Chinese text); the numbers among them join the number cells.
  for (let i = 0; i < lost.length; i += BATCH) {
    const batch = lost.slice(i, i + BATCH)
    const read = await readStack(engine, batch.map((n) => n.image), 'lines', dpi)
    batch.forEach((n, k) => {
      const [text, conf] = read[k]!
      // Ink that reads as nothing may be a number the page lost: the empty cell is flagged.
      confs[n.r]![n.c] = Math.min(doubt, conf)
      if (text === '') return
      n.cell.text = text
      confs[n.r]![n.c] = Math.min(doubt, conf)
      const core = numberCore(text)
      if (NUMERIC.test(core) && /\d/.test(core)) numbers.push(n)
      else if (ONE_IDEOGRAPH.test(core)) maybe.push(n)
    })
  }
  // A page reading can lose most of a column (002-scanned.pdf page 9), so its figures are counted now.
  const columns = figureColumns(rows, isHeader)
  for (const n of maybe) {
    const core = numberCore(n.cell.text.replace(/\s+/g, ''))
    const [figures, filled] = columns.get(`${rows[n.r]!.grid} ${n.c}`) ?? [0, 0]
    // In a column of figures, or an amount once the ideograph is gone (the one figure of a column continued from the page before: `生15.89`).
    if (ONE_IDEOGRAPH.test(core) && (2 * figures > filled || AMOUNT.test(core.replace(CJK, '')))) numbers.push({ ...n, misread: true })
  }
  for (let i = 0; i < numbers.length; i += BATCH) {
    const batch = numbers.slice(i, i + BATCH)
    const clean = batch.map((n) => onlyDigitInk(n.image))
    const plain = await readStack(engine, clean, 'numbers', dpi)
    const bold = await readStack(engine, clean.map(embolden), 'numbers', dpi)
    batch.forEach((n, k) => {
      const [ta, ca] = trimmed(plain[k]!)
      const [tb, cb] = trimmed(bold[k]!)
      if (n.code !== undefined) {
        // The code of a name cell (3, 5 or 7 digits): replaced when both readings agree, else the cell is unsure.
        // The digits the cell starts with now are replaced: a second reading of the cell may have read the code anew (`2011一般公共服务支出`).
        if (ta === tb && /^(\d{3}|\d{5}|\d{7})$/.test(ta) && Math.abs(ta.length - n.code.length) <= 1) n.cell.text = n.cell.text.trimStart().replace(/^\d*/, ta)
        else confs[n.r]![n.c] = Math.min(confs[n.r]![n.c]!, doubt)
        return
      }
      const text = numberCore(n.cell.text.replace(/\s+/g, ''))
      const okA = WELL_FORMED.test(ta)
      const okB = WELL_FORMED.test(tb)
      if (ta === tb && okA) {
        // Two readings of differently prepared pixels that agree: the emboldened one is often
        // unsure of a scan whose strokes are thick already (201 at 0.96 and 0.07, 001-scanned.pdf page 7).
        n.cell.text = ta
        confs[n.r]![n.c] = n.misread ? Math.min(doubt, Math.max(ca, cb)) : Math.max(ca, cb)
        return
      }
      const pick = okA && (!okB || ca >= cb) ? ta : okB ? tb : WELL_FORMED.test(text) ? text : ta || tb || text
      n.cell.text = pick
      confs[n.r]![n.c] = Math.min(doubt, pick === ta ? ca : pick === tb ? cb : confs[n.r]![n.c]!)
    })
  }
  // Specks read as punctuation: a cell of marks alone is empty, and Chinese text has no ASCII
  // marks between its characters (机关事业单位基本养老保险.缴费支出); a lone `-` is a zero and stays.
  for (const row of rows)
    for (const cell of row.cells) {
      if (MARKS.test(cell.text)) cell.text = ''
      // Quotes come in pairs: an opening quote after an unclosed one closes it (部门专项-“12345“政务热线… read for ”).
      // A mark before the code of a name is a speck too (`.208 社会保障和就业支出`, 003-scanned.pdf page 16).
      else if (CJK.test(cell.text))
        cell.text = cell.text
          .replace(/(?<=[\u3400-\u9fff])[.,'`|_~;"“”‘’·]+(?=[\u3400-\u9fff])/g, '')
          .replace(/“([^“”]*)“/g, '“$1”')
          .replace(/^[.,'`‘’·]+(?=\d{3,7}\s*[\u3400-\u9fff])/, '')
    }
  // Headers and labels put right from the lexicon of budget tables (lexicon.ts; a sure reading only
  // completed): as sure as the least sure unflagged cell, since a word of the lexicon is a reading that makes sense.
  // A name no lexicon knows read unsurely (a project, a unit: 人史补助项目 at 0.72) is flagged, as
  // is a number that is not well formed (`.180.35`): nothing confirms them (codes.ts may still
  // confirm a 类/款/项 name by its code).
  for (const [r, row] of rows.entries())
    for (const [c, cell] of row.cells.entries()) {
      if (cell.covered) continue
      const core = numberCore(cell.text.replace(/\s+/g, ''))
      // A mark before a number that has its own decimal point (`.180.35`) is no part of it: it goes, and the cell stays flagged.
      const bare = cell.text.replace(/^[.,'`‘’]+(?=\d)/, '')
      const marked = bare !== cell.text && bare.includes('.') && WELL_FORMED.test(bare)
      if (marked) cell.text = bare
      if (NUMERIC.test(core) && /\d/.test(core) && (marked || !WELL_FORMED.test(cell.text))) confs[r]![c] = Math.min(confs[r]![c]!, doubt)
      if (!CJK.test(cell.text)) continue
      const fixed = correct(cell.text, confs[r]![c]! >= SURE)
      if (fixed !== undefined) {
        cell.text = fixed
        confs[r]![c] = Math.max(confs[r]![c]!, doubt + 0.01)
      } else if (row.grid !== undefined && !isHeader(row, r) && confs[r]![c]! < SURE && !isWord(cell.text)) confs[r]![c] = Math.min(confs[r]![c]!, doubt)
    }
  return confs
}

/**
 * Per ruled table and column (`grid column`): how many body cells hold a figure, as read so far
 * (digits, or digits with one ideograph: a column the page reading lost is read in Chinese first), and how many hold anything.
 */
function figureColumns(rows: Row[], isHeader: (row: Row, r: number) => boolean): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>()
  rows.forEach((row, r) => {
    if (row.grid === undefined || isHeader(row, r)) return
    row.cells.forEach((cell, c) => {
      const core = numberCore(cell.text.replace(/\s+/g, ''))
      if (core === '' || cell.covered) return
      const [figures, filled] = out.get(`${row.grid} ${c}`) ?? [0, 0]
      out.set(`${row.grid} ${c}`, [figures + ((NUMERIC.test(core) && /\d/.test(core)) || ONE_IDEOGRAPH.test(core) ? 1 : 0), filled + 1])
    })
  })
  return out
}

/** The image of one cell: ruled cells cut just inside their borders; free cells (boxed by their words) with some air. */
function cellImage(image: Bitmap, scale: number, row: Row, cell: RowCell): Bitmap {
  const [x0, y0, x1, y1] = cell.box.map((v) => v * scale) as [number, number, number, number]
  const h = y1 - y0
  // Ruled cells lose a margin of a twelfth of their height: what is left of a rule the eraser
  // missed (a grey, slightly slanted edge) reads as 一 or |, and turned 合计 into 一吊计| (001-scanned.pdf page 4).
  const grow = row.grid === undefined ? 0.15 * h : -Math.max(2, h / 12)
  return crop(image, x0 - grow, y0 - grow, x1 + grow, y1 + grow, Math.round(0.3 * h))
}

/** The words whose centre lies inside the cell's box. */
export function wordsIn(cell: RowCell, words: ScannedWord[]): ScannedWord[] {
  const [x0, y0, x1, y1] = cell.box
  return words.filter((w) => {
    const cx = (w.x0 + w.x1) / 2
    const cy = (w.y0 + w.y1) / 2
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1
  })
}

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Bitmap } from '../../src/parse/ocr/bitmap.ts'
import type { OcrEngine, OcrWord } from '../../src/parse/ocr/engine.ts'
import { MAX_STACK_HEIGHT, readStack } from '../../src/parse/ocr/stack.ts'

/** A white cell of the given height with one dark pixel row in its middle. */
function cell(height: number): Bitmap {
  const data = new Uint8Array(40 * height).fill(255)
  data.fill(0, 40 * (height >> 1), 40 * ((height >> 1) + 1))
  return { width: 40, height, data }
}

/** A recogniser that reads one word per dark row, named by its order in the whole run, and refuses what Tesseract refuses. */
function fakeEngine(): OcrEngine & { heights: number[] } {
  let seen = 0
  const heights: number[] = []
  return {
    heights,
    async recognize(image) {
      if (image.height > 32_767) throw new Error('Image too large')
      heights.push(image.height)
      const words: OcrWord[] = []
      for (let y = 0; y < image.height; y++) {
        if (image.data[y * image.width] === 0) words.push({ text: `w${seen++}`, confidence: 0.9, box: [0, y, 10, y + 1], base: y + 1, size: 1 })
      }
      return words
    },
    async terminate() {},
  }
}

test('a batch of cells taller than Tesseract takes is read in several stacks, each cell keeping its own reading', async () => {
  // A page of prose gives cells thousands of pixels tall: 12 of 3,000 would stack to 54,000.
  const cells = Array.from({ length: 12 }, () => cell(3000))
  const engine = fakeEngine()
  const read = await readStack(engine, cells, 'lines', 300)
  assert.ok(engine.heights.length > 1, 'more than one stack')
  assert.ok(engine.heights.every((h) => h <= MAX_STACK_HEIGHT), `stacks of ${engine.heights.join(', ')} px`)
  assert.deepEqual(read.map(([text]) => text), cells.map((_, i) => `w${i}`))
})

test('the gaps a tall cell sets count for the short cells stacked with it', async () => {
  // Gaps are half the tallest cell: one cell of 3,000 px and 30 of 100 px stack to 54,000 px in one image.
  const cells = [cell(3000), ...Array.from({ length: 30 }, () => cell(100))]
  const engine = fakeEngine()
  const read = await readStack(engine, cells, 'lines', 300)
  assert.ok(engine.heights.every((h) => h <= MAX_STACK_HEIGHT), `stacks of ${engine.heights.join(', ')} px`)
  assert.deepEqual(read.map(([text]) => text), cells.map((_, i) => `w${i}`))
})

test('a single cell taller than a stack may be is left unread, not sent to the recogniser', async () => {
  const engine = fakeEngine()
  const read = await readStack(engine, [cell(20), cell(MAX_STACK_HEIGHT), cell(20)], 'lines', 300)
  assert.deepEqual(read, [['w0', 0.9], ['', 0], ['w1', 0.9]])
})

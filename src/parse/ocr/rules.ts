import type { Rule } from '../pdf/ruling.ts'
import type { Bitmap } from './bitmap.ts'

/** A table rule found in a page image, in pixels: the `Rule` of the PDF reader plus its stroke. */
export interface PixelRule extends Rule {
  /** First and last pixel row (horizontal rule) or column (vertical rule) of the stroke. */
  lo: number
  hi: number
}

/** How to tell a rule from the strokes of characters, in pixels. */
export interface RuleOptions {
  /** Shortest rule: longer than any stroke of a character (a 一 in 16 pt is 67 px at 300 dpi). */
  minLength: number
  /** Thickest rule; anything thicker is shading or a black bar. */
  maxThickness: number
  /** Breaks in a scanned line up to this long are bridged. */
  maxGap: number
}

/**
 * How much darker than the paper a pixel of a rule may be. Thin rules come out grey, not black:
 * a one-pixel line of a 200 dpi bilevel scan drawn at 300 dpi is smoothed to greys of 170–200
 * (001-scanned.pdf), which a text threshold misses, splitting one table into two grids.
 */
const RULE_CONTRAST = 40

/** Rule options for an image of `dpi` dots per inch. */
export function ruleOptions(dpi: number): RuleOptions {
  return { minLength: Math.round(0.3 * dpi), maxThickness: Math.max(3, Math.round(0.035 * dpi)), maxGap: Math.max(1, Math.round(0.01 * dpi)) }
}

/**
 * Find the table rules of a page image: runs of ink at least `minLength` long (bridging short
 * breaks), with the runs of neighbouring pixel rows (or columns) merged into one stroke. What
 * comes out is what the PDF reader gets from drawing operators, so its grid finder
 * (`findGrids`) can rebuild the cells from it. Expects a level page (see deskew.ts).
 */
export function findRules(bitmap: Bitmap, options: RuleOptions): PixelRule[] {
  const dark = paper(bitmap) - RULE_CONTRAST
  return [...strokes(bitmap, 'h', options, dark), ...strokes(bitmap, 'v', options, dark)]
}

/** The grey of the paper: the brightness most pixels are at least as dark as (the 90th percentile of a sample). */
export function paper(bitmap: Bitmap): number {
  const counts = new Uint32Array(256)
  let n = 0
  for (let i = 0; i < bitmap.data.length; i += 7) {
    counts[bitmap.data[i]!]!++
    n++
  }
  let seen = 0
  for (let v = 0; v < 256; v++) {
    seen += counts[v]!
    if (seen >= 0.9 * n) return v
  }
  return 255
}

function strokes(bitmap: Bitmap, dir: 'h' | 'v', opt: RuleOptions, dark: number): PixelRule[] {
  const { width, height, data } = bitmap
  const lines = dir === 'h' ? height : width
  const length = dir === 'h' ? width : height
  const stride = dir === 'h' ? 1 : width
  const open: { lo: number; hi: number; from: number; to: number }[] = []
  const done: PixelRule[] = []
  const close = (s: { lo: number; hi: number; from: number; to: number }) => {
    if (s.hi - s.lo + 1 <= opt.maxThickness) done.push({ dir, at: (s.lo + s.hi) / 2, from: s.from, to: s.to + 1, lo: s.lo, hi: s.hi })
  }
  for (let l = 0; l < lines; l++) {
    const base = dir === 'h' ? l * width : l
    const runs: [number, number][] = []
    let start = -1
    let last = -1
    for (let i = 0; i < length; i++) {
      if (data[base + i * stride]! < dark) {
        if (start < 0 || i - last - 1 > opt.maxGap) {
          if (start >= 0 && last - start + 1 >= opt.minLength) runs.push([start, last])
          start = i
        }
        last = i
      }
    }
    if (start >= 0 && last - start + 1 >= opt.minLength) runs.push([start, last])
    // Extend the strokes that the runs of this line continue; close the ones left behind.
    for (const [from, to] of runs) {
      const s = open.find((o) => o.hi === l - 1 && Math.min(o.to, to) - Math.max(o.from, from) >= 0.5 * Math.min(o.to - o.from, to - from))
      if (s) {
        s.hi = l
        s.from = Math.min(s.from, from)
        s.to = Math.max(s.to, to)
      } else open.push({ lo: l, hi: l, from, to })
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i]!.hi < l) {
        close(open[i]!)
        open.splice(i, 1)
      }
    }
  }
  open.forEach(close)
  return done
}

/**
 * A copy of the page with the rules painted over in white (two pixels of margin for the
 * anti-aliased edge), so that the recogniser does not read cell borders as `|`, `丨` or `1`.
 */
export function eraseRules(bitmap: Bitmap, rules: PixelRule[]): Bitmap {
  const { width, height } = bitmap
  const data = new Uint8Array(bitmap.data)
  for (const r of rules) {
    const a = Math.max(0, r.lo - 2)
    const b = r.hi + 2
    for (let l = a; l <= b; l++) {
      for (let i = Math.max(0, Math.floor(r.from)); i < Math.ceil(r.to); i++) {
        if (r.dir === 'h' && l < height && i < width) data[l * width + i] = 255
        if (r.dir === 'v' && l < width && i < height) data[i * width + l] = 255
      }
    }
  }
  return { width, height, data }
}

/** Rules in PDF points (for the grid finder), from pixels at `scale` pixels per point. */
export function toPoints(rules: PixelRule[], scale: number): Rule[] {
  return rules.map((r) => ({ dir: r.dir, at: r.at / scale, from: r.from / scale, to: r.to / scale }))
}

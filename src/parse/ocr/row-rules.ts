import type { Word } from '../pdf/glyphs.ts'
import type { Grid } from '../pdf/grid.ts'
import { byBaseline } from '../pdf/lines.ts'
import type { Rule } from '../pdf/ruling.ts'

/** A word that is a number and nothing else: what every body row of a budget table has. */
const NUMBER = /^[\d,.\-%]*\d[\d,.\-%]*$/

/**
 * Rules between table rows that the scan lost. A thin rule can fade out of a scan, and then the
 * rows it separated fall into one band of the grid (002-scanned.pdf page 3: seven rows of 表2 in one
 * cell). Inside a band, every line of text with two numbers or more is a row; a rule is
 * drawn halfway between two such lines, across the table. Lines without numbers (a name wrapped
 * onto a second line, a header over two lines) never get a rule of their own.
 */
export function lostRowRules(grids: Grid[], words: Word[]): Rule[] {
  const rules: Rule[] = []
  for (const grid of grids) {
    const [left, , right] = grid.box
    for (let r = 0; r + 1 < grid.ys.length; r++) {
      const top = grid.ys[r]!
      const bottom = grid.ys[r + 1]!
      const inside = words.filter((w) => {
        const cx = (w.x0 + w.x1) / 2
        const cy = (w.y0 + w.y1) / 2
        return cx > left && cx < right && cy > top && cy < bottom
      })
      // Two numbers at least (a code and an amount, or two amounts): a speck read as `1` in a
      // header wrapped over two lines must not split it (003-scanned.pdf page 4, 一般公共预 / 算).
      const rows = byBaseline(inside).filter((line) => line.filter((w) => NUMBER.test(w.text)).length >= 2)
      for (let i = 0; i + 1 < rows.length; i++) {
        const above = Math.max(...rows[i]!.map((w) => w.y1))
        const below = Math.min(...rows[i + 1]!.map((w) => w.y0))
        if (below <= above) continue
        rules.push({ dir: 'h', at: (above + below) / 2, from: left, to: right })
      }
    }
  }
  return rules
}

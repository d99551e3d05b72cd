import { economicCodes, functionCodes, type CatalogEntry } from '../../catalog/index.ts'
import type { Row } from '../pdf/lines.ts'
import { distance } from './distance.ts'

const CJK = /[\u3400-\u9fff]/
/**
 * 项 names the standard repeats under many 款 (2010302 and 2010602 are both 一般行政管理事务):
 * they do not tell one code from another, and the catalog is partial.
 */
const GENERIC = /^(行政运行|一般行政管理事务|机关服务|事业运行|其他)/
/** How a code is split over the 类/款/项 cells: 3 digits, then 2 and 2. */
const PART = [3, 2, 2]

/**
 * Codes of 类/款/项 rows put right by the name printed beside them. A code the catalog does not
 * know, or knows by another name, while exactly one code a digit away (one digit changed, or one
 * missing from a part too short: `210 | 1 | 02` for 210 11 02) is catalogued under the printed
 * name (up to a third of its characters misread), is that code: `216 11 03 公助员医疗补劭` is
 * 2101103 公务员医疗补助. The cell changed is flagged (at most `doubt`); a name the catalog has
 * under the printed code is confirmed (at least just above `doubt`). The catalog is partial, so
 * a code it does not know is otherwise left as read. Changes cell texts and `confs` in place.
 */
export function correctCodes(rows: Row[], confs: number[][], doubt: number): void {
  for (const [r, row] of rows.entries()) {
    const name = row.cells.findIndex((c) => CJK.test(c.text))
    if (name < 1 || name > 3) continue
    const codeCells = row.cells.slice(0, name).map((c, i) => ({ i, text: c.text.trim() })).filter((c) => c.text !== '')
    if (codeCells.length === 0 || !codeCells.every((c) => /^\d{1,3}$/.test(c.text))) continue
    const printed = row.cells[name]!.text.replace(/\s+/g, '')
    const parts = codeCells.map((c) => c.text)
    if (named(parts.join(''), printed)) {
      // The catalog confirms a name no lexicon knows (款/项 names): it is no longer unsure.
      confs[r]![name] = Math.max(confs[r]![name]!, doubt + 0.01)
      continue
    }
    if (GENERIC.test(printed)) continue
    const found = neighbours(parts).filter((p) => named(p.join(''), printed))
    if (found.length !== 1) continue
    found[0]!.forEach((text, k) => {
      const { i } = codeCells[k]!
      if (row.cells[i]!.text.trim() === text) return
      row.cells[i]!.text = text
      confs[r]![i] = Math.min(confs[r]![i]!, doubt)
    })
  }
}

/** Whether the catalog has the code under (nearly) the printed name. */
function named(code: string, printed: string): boolean {
  const entry: CatalogEntry | undefined = functionCodes().get(code) ?? economicCodes().get(code)
  if (!entry) return false
  const limit = Math.floor(entry.name.length / 3)
  return distance(printed, entry.name, limit + 1) <= limit
}

/** The splits one digit away from the printed parts: one digit changed, or one added to a part short of its length. */
function neighbours(parts: string[]): string[][] {
  const out: string[][] = []
  parts.forEach((part, k) => {
    const variants: string[] = []
    if (part.length === PART[k]) for (let j = 0; j < part.length; j++) for (const d of '0123456789') if (d !== part[j]) variants.push(part.slice(0, j) + d + part.slice(j + 1))
    if (part.length === PART[k]! - 1) for (let j = 0; j <= part.length; j++) for (const d of '0123456789') variants.push(part.slice(0, j) + d + part.slice(j))
    for (const v of new Set(variants)) out.push(parts.map((p, i) => (i === k ? v : p)))
  })
  return out
}

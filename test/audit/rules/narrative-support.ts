import type { Claim, Disclosure } from '../../../src/model/index.ts'
import { wan } from '../../../src/model/index.ts'

/**
 * Single-number mutants of the narrative: change one stated amount, change, share or rate of one
 * claim of a seed (a copy; the input is untouched). The claim is found by its source line and
 * subject, so a test names what a reviewer sees.
 */

/** Index of the claim on `line` (its figure's line) whose subject contains `subject`. */
export function claimIndex(d: Disclosure, line: number, subject: string, part: 'amount' | 'share' | 'change' | 'rate' = 'amount'): number {
  const i = d.claims.findIndex((c) => c.subject.includes(subject) && ((c[part]?.place ?? c.place)?.start.line === line || c.place?.start.line === line))
  if (i < 0) {
    const near = d.claims.filter((c) => c.subject.includes(subject)).map((c) => `${c.place?.start.line}:${c.subject}`)
    throw new Error(`no claim “${subject}” at line ${line}; claims with that subject: ${near.join(', ') || 'none'}`)
  }
  return i
}

/** The claim at an index (throws when absent). */
export function claimAt(d: Disclosure, i: number): Claim {
  const c = d.claims[i]
  if (!c) throw new Error(`no claim ${i}`)
  return c
}

/** A copy with one money figure of a claim changed by `delta` 万元. */
export function mutateMoney(d: Disclosure, i: number, part: 'amount' | 'change', delta: number): Disclosure {
  const copy = structuredClone(d)
  const m = claimAt(copy, i)[part]
  if (!m) throw new Error(`claim ${i} has no ${part}`)
  m.fen += Math.round(delta * 1_000_000)
  m.value = wan(m.fen)
  m.raw = m.value
  return copy
}

/** A copy with one percentage of a claim changed by `delta` percentage points. */
export function mutatePercent(d: Disclosure, i: number, part: 'share' | 'rate', delta: number): Disclosure {
  const copy = structuredClone(d)
  const p = claimAt(copy, i)[part]
  if (!p) throw new Error(`claim ${i} has no ${part}`)
  p.hundredths += Math.round(delta * 100)
  p.value = (p.hundredths / 100).toFixed(2)
  p.raw = p.value
  return copy
}

/** A copy changed by a function (for targets, counts and the like). */
export function edit(d: Disclosure, f: (copy: Disclosure) => void): Disclosure {
  const copy = structuredClone(d)
  f(copy)
  return copy
}

import type { TableSpec } from '../../model/tables.ts'
import { squeeze } from '../chars.ts'
import type { TableRegion } from './segment.ts'

/**
 * The spec with its columns in the order the document prints them, read from a plain-text header
 * line that names two or more of them (`科目编码 科目名称 项目支出 基本支出 合计`). Numbers are
 * placed in order, so a template that prints its columns in another order must be read in its own.
 * Drawn cells are placed under their header instead, and a multi-level header that names fewer than
 * two columns on one line keeps the spec's order.
 */
export function printedOrder(spec: TableSpec, region: TableRegion): TableSpec {
  if (region.lines.some((l) => l.cells)) return spec
  let best: { key: string; at: number }[] = []
  const { labels, any } = labelsOf(spec)
  // The header is above the first figure.
  for (const line of region.lines) {
    if (/\d\.\d/.test(line.text)) break
    // Layout text is normalised already (half-width brackets).
    const text = squeeze(line.text)
    // Most header lines are fragments that name no column (PDF text wraps headers every few
    // characters): one pattern rejects them before each label is searched for.
    if (!text || !any.test(text)) continue
    const taken: [number, number][] = []
    const found: { key: string; at: number }[] = []
    for (const { key, label } of labels) {
      // Header lines are short (PDF text wraps them every few characters): most labels are longer.
      if (label.length > text.length || hasKey(found, key)) continue
      let at = text.indexOf(label)
      while (at >= 0 && overlaps(taken, at, at + label.length)) at = text.indexOf(label, at + 1)
      if (at < 0) continue
      taken.push([at, at + label.length])
      found.push({ key, at })
    }
    if (found.length > best.length) best = found
  }
  if (best.length < 2) return spec
  const printed = [...best].sort((a, b) => a.at - b.at).map((f) => f.key)
  const inSpec = spec.columns.map((c) => c.key).filter((k) => printed.includes(k))
  if (printed.every((k, i) => k === inSpec[i])) return spec
  // The named columns take their printed order in the slots they hold; the others stay where they are.
  const byKey = new Map(spec.columns.map((c) => [c.key, c]))
  let next = 0
  const columns = spec.columns.map((c) => (printed.includes(c.key) ? byKey.get(printed[next++]!)! : c))
  return { ...spec, columns }
}

function hasKey(found: { key: string }[], key: string): boolean {
  for (const f of found) if (f.key === key) return true
  return false
}

function overlaps(spans: [number, number][], start: number, end: number): boolean {
  for (const [a, b] of spans) if (start < b && end > a) return true
  return false
}

const labelLists = new WeakMap<TableSpec, Labels>()

/** A spec's column labels, longest first (so 项目支出合计 is not read as 合计), and a pattern that finds any of them. */
interface Labels {
  labels: { key: string; label: string }[]
  any: RegExp
}

/** The labels of a spec, listed once per spec. */
function labelsOf(spec: TableSpec): Labels {
  let found = labelLists.get(spec)
  if (!found) {
    const labels = spec.columns.flatMap((c) => c.labels.map((label) => ({ key: c.key, label }))).sort((a, b) => b.label.length - a.label.length)
    found = { labels, any: new RegExp(labels.map(({ label }) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) }
    labelLists.set(spec, found)
  }
  return found
}

import type { LayoutLine } from '../layout.ts'
import { squeeze } from '../normalize.ts'
import { matchTableNumber, matchTitle, type TitleMatch } from './titles.ts'

/** The lines of one table of 第二部分, before its rows are read. */
export interface TableRegion {
  /** 表 N, when printed. */
  number?: number
  title?: TitleMatch & { line: LayoutLine }
  /** The anchor line (表 N or title). */
  anchor: LayoutLine
  /** Every line of the table after the anchor, page-break repeats included. */
  lines: LayoutLine[]
  /** A title line that names no standard table (kept for a table we do not know). */
  caption?: string
  /** A `…为空表` note printed under the table. */
  note?: LayoutLine
}

/** Prose: a sentence of the narrative, which ends a table. */
function isProse(text: string): boolean {
  const t = squeeze(text)
  if (/^(编制部门|单位|备注|注)[:：]/.test(t)) return false
  return t.length >= 24 && /[，。；]/.test(t)
}

function isEmptyNote(text: string): boolean {
  return /为空表|无数据|本表无|空表表示/.test(text)
}

/** A heading that starts 第三部分 or a later part. */
function isPartHeading(text: string): boolean {
  return /^\s*[#*\s]*第[三四]部分/.test(text)
}

/**
 * Find the tables: each starts at a `表 N` line or a title line (a title right after `表 N`
 * belongs to the same table) and runs until the next one, the narrative (a prose sentence or
 * the 第三部分 heading) or an empty-table note. Page-break repeats of header lines stay inside
 * the table they continue.
 */
export function findTables(lines: LayoutLine[]): TableRegion[] {
  const regions: TableRegion[] = []
  let current: TableRegion | undefined
  const close = () => {
    if (current) regions.push(current)
    current = undefined
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const text = line.text
    if (text.trim() === '') continue
    const number = matchTableNumber(text)
    const title = number === undefined ? matchTitle(text) : undefined
    if (number !== undefined || title) {
      if (title && current && !current.title && current.lines.filter((l) => l.text.trim()).length <= 2 && current.number !== undefined) {
        current.title = { ...title, line }
        continue
      }
      close()
      current = { anchor: line, lines: [] }
      if (number !== undefined) current.number = number
      if (title) current.title = { ...title, line }
      continue
    }
    if (!current) continue
    if (isPartHeading(text)) {
      close()
      continue
    }
    if (isEmptyNote(text) && !line.cells) {
      current.note = line
      close()
      continue
    }
    if (!current.title && !current.caption && current.lines.every((l) => !l.text.trim()) && /表$/.test(squeeze(text)) && squeeze(text).length <= 60) {
      current.caption = squeeze(text)
      continue
    }
    if (!line.cells && isProse(text)) {
      close()
      continue
    }
    current.lines.push(line)
  }
  close()
  return regions
}

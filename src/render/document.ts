/**
 * A disclosure laid out as a document, independent of the output format: the blocks in reading
 * order (front matter, the tables of 第二部分 each on its own page, then 第三/第四部分).
 * Each format (docx.ts, xlsx.ts, html.ts) renders these blocks.
 */
import type { Disclosure, Table } from '../model/index.ts'
import { tableSpec } from '../model/tables.ts'

/** One block of a rendered document. */
export type Block =
  /** A line of the cover (`2026 年库尔勒市人民政府办公室`, `部门预算公开`). */
  | { kind: 'title'; text: string }
  /** A heading: 1 部分 (第三部分 …), 2 section (一、关于…), 3 subsection (（一）…). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** A plain table of the narrative (绩效目标表), printed cell by cell with no merges. */
  | { kind: 'grid'; rows: string[][] }
  /** A table of 第二部分, printed with its standard header. */
  | { kind: 'table'; table: Table }

/** A disclosure laid out for rendering. */
export interface RenderDocument {
  /** `2026 年库尔勒市人民政府办公室部门预算公开`, for the HTML title and document properties. */
  title: string
  /** 编制部门, printed above each table. */
  department?: string
  /** Blocks before the tables (cover, 目录, 第一部分). */
  front: Block[]
  /** The tables, in document order. */
  tables: Table[]
  /** Blocks after the tables (第三部分 情况说明, 第四部分 名词解释). */
  back: Block[]
}

/**
 * The cells of a grid row with their column spans: a cell followed only by blank cells to the end of
 * the row spans them (the seeds flatten merged cells such as 年度绩效目标's text into a cell plus blanks).
 */
export function gridRow(row: readonly string[], columns: number): { text: string; span: number }[] {
  let last = row.length - 1
  while (last > 0 && row[last] === '') last--
  const cells = row.slice(0, last + 1).map((text) => ({ text, span: 1 }))
  const end = cells.at(-1)
  if (end) end.span = columns - cells.length + 1
  return cells
}

/** The narrative around the tables, until the narrative model can give it. */
export interface Narrative {
  front?: Block[]
  back?: Block[]
}

/** Lay a disclosure out as a document. */
export function documentOf(disclosure: Disclosure, narrative: Narrative = {}): RenderDocument {
  const department = disclosure.department?.value
  const year = disclosure.year?.value
  const title = `${year ? `${year} 年` : ''}${department ?? ''}部门${disclosure.kind}公开`
  return {
    title,
    ...(department ? { department } : {}),
    front: narrative.front ?? [],
    tables: disclosure.tables,
    back: narrative.back ?? [],
  }
}

/** The title printed for a table: as the source printed it, else the standard title of its key. */
export function tableTitle(table: Table): string {
  return table.title ?? tableSpec(table.key)?.title ?? table.key
}

const CN_NUM = '[一二三四五六七八九十]+'
const MARKUP = /<\/?(?:b|p|strong|br)\s*\/?>|\*\*/g

/**
 * Blocks from text lines as the seeds carry them (plain, Markdown headings, tab-separated rows).
 * Headings: `#` lines, 第N部分, short `一、…` and `（一）…` lines. Consecutive lines with tabs form
 * a grid. Markdown table rules (`--|---`) and markup (`**`, `<b>`) are dropped.
 */
export function blocksFromText(all: readonly string[]): Block[] {
  let lines = all
  const blocks: Block[] = []
  let grid: string[][] | undefined
  // The cover: the short lines before 目录 (seed 003 lines 3–5).
  const toc = lines.findIndex((l) => /^[#\s]*目\s*录\s*$/.test(l))
  const cover = toc > 0 && lines.slice(0, toc).every((l) => l.trim().length <= 30) ? toc : 0
  for (const l of lines.slice(0, cover)) {
    const t = l.replace(MARKUP, '').replace(/^#+\s*/, '').trim()
    if (t) blocks.push({ kind: 'title', text: t })
  }
  lines = lines.slice(cover)
  for (const raw of lines) {
    const line = raw.replace(MARKUP, '').replace(/\s+$/, '')
    if (line.includes('\t')) {
      const cells = line.split('\t').map((c) => c.trim())
      if (cells.every((c) => /^[-|:\s]*$/.test(c))) continue
      if (!grid) blocks.push({ kind: 'grid', rows: (grid = []) })
      grid.push(cells)
      continue
    }
    const t = line.trim().replace(/^-\s+/, '')
    if (t === '') {
      // A blank line separates paragraphs; it does not end a grid (the seeds leave blank lines inside tables).
      continue
    }
    if (/^[-|:\s]+$/.test(t)) continue
    grid = undefined
    const hashes = /^(#+)\s*(.*)$/.exec(t)
    const body = hashes ? hashes[2]!.trim() : t
    if (body === '') continue
    if (/^第[一二三四五]部分/.test(body) || /^目\s*录$/.test(body)) blocks.push({ kind: 'heading', level: 1, text: body })
    else if (new RegExp(`^${CN_NUM}、`).test(body) && body.length <= 40) blocks.push({ kind: 'heading', level: 2, text: body })
    else if (new RegExp(`^[（(]${CN_NUM}[)）]`).test(body) && body.length <= 30) blocks.push({ kind: 'heading', level: 3, text: body })
    else if (hashes) blocks.push({ kind: 'heading', level: 2, text: body })
    else blocks.push({ kind: 'paragraph', text: body })
  }
  return blocks
}

/**
 * The narrative of a text seed: the lines before its first table and after its last one, found
 * from the places the text parser gave the tables. Temporary: the narrative model (being built)
 * will replace this.
 */
export function seedNarrative(text: string, disclosure: Disclosure): Required<Narrative> {
  const lines = text.split(/\r?\n/)
  const starts = disclosure.tables.map((t) => t.place?.start.line).filter((n): n is number => n !== undefined)
  if (starts.length === 0) return { front: blocksFromText(lines), back: [] }
  const first = Math.min(...starts)
  const last = disclosure.tables.at(-1)!
  let end = Math.max(...starts)
  for (const row of last.rows) end = Math.max(end, row.place?.end?.line ?? row.place?.start.line ?? 0)
  end = Math.max(end, last.emptyNote?.place?.end?.line ?? last.emptyNote?.place?.start.line ?? 0)
  // After the last table's own lines come its header remnants; the narrative starts at the first
  // heading or sentence (seed 001 line 575 follows 表 11's header lines directly).
  let from = end
  while (from < lines.length) {
    const t = lines[from]!.replace(MARKUP, '').replace(/^#+\s*/, '').trim()
    if (/^第[三四]部分/.test(t) || /[，。]/.test(t)) break
    from++
  }
  return { front: blocksFromText(lines.slice(0, first - 1)), back: blocksFromText(lines.slice(from)) }
}

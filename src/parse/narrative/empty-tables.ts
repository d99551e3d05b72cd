import type { EmptyTableNote } from '../../model/index.ts'
import { TABLES, type TableSpec } from '../../model/tables.ts'
import type { Para, Source } from './text.ts'

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
const EMPTY = /([^,，。;；:：、]*?表)(?:为空表|是空表|无数据)/g
const BY_NAME = new Map<string, string>()
for (const t of TABLES as readonly TableSpec[]) for (const n of [t.title, ...t.aliases]) BY_NAME.set(norm(n), t.key)
// A name printed differently from the spec (`结转结余预算支出情况表`, seed 002 l.351) is matched by its subject.
const BY_WORD: [RegExp, string][] = [
  [/三公/, 'three_public'],
  [/委托业务/, 'entrusted'],
  [/结转/, 'carryover'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本/, 'state_capital'],
  [/项目支出/, 'general_project'],
  [/基本支出/, 'general_basic'],
]

/** Every `…表为空表` sentence of a paragraph, with the table it names. */
export function readEmptyTables(src: Source, p: Para, out: EmptyTableNote[]): void {
  const t = p.text
  if (!t.includes('空表') && !t.includes('无数据')) return
  for (const m of t.matchAll(EMPTY)) {
    const table = m[1]!.replace(/^(?:故|因此|所以|本表|即)/, '')
    let a = m.index
    while (a > 0 && !/[。;；]/.test(t[a - 1]!)) a--
    let b = m.index + m[0].length
    if (t[b] === '。') b++
    const note: EmptyTableNote = { table, text: t.slice(a, b), place: src.place(p, a, b) }
    const key = BY_NAME.get(norm(table)) ?? BY_WORD.find(([re]) => re.test(table))?.[1]
    if (key) note.key = key
    out.push(note)
  }
}

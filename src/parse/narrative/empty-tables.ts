import type { EmptyTableNote } from '../../model/disclosure.ts'
import { TABLES, type TableSpec } from '../../model/tables.ts'
import type { Para, Source } from './text.ts'
import { CLAUSE_MARK, SENTENCE_END } from '../chars.ts'

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')
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
  for (let k = t.indexOf('表为空表'); k >= 0; k = t.indexOf('表为空表', k + 4)) {
    // The table's name runs back from `表` to the clause delimiter before it.
    let n = k
    while (n > 0 && !CLAUSE_MARK.has(t.charCodeAt(n - 1))) n--
    const table = t.slice(n, k + 1).replace(/^(?:故|因此|所以|本表|即)/, '')
    let a = n
    while (a > 0 && !SENTENCE_END.has(t.charCodeAt(a - 1))) a--
    let b = k + 4
    if (t[b] === '。') b++
    const note: EmptyTableNote = { table, text: t.slice(a, b), place: src.place(p, a, b) }
    const key = BY_NAME.get(norm(table)) ?? BY_WORD.find(([re]) => re.test(table))?.[1]
    if (key) note.key = key
    out.push(note)
  }
}

import type { Disclosure, Place, Table } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { TABLE_TITLES } from './narrative-support.ts'

/** A sentence of the document with its place. */
interface Sentence {
  text: string
  /** The table key the parser matched the sentence to (`Disclosure.emptyTables[].key`). */
  key?: string | undefined
  place?: Place | undefined
}

/** Words that say a table is empty: Xinjiang `…为空表`, Shanghai `本表无数据`, `空表表示…`. */
const EMPTY = /为空表|空表|本表无数据|无数据/

/**
 * Every sentence of the model outside the tables that says a table is empty: the parser's list of
 * `…为空表` sentences (whatever field it lands in), claims, notes. Walks the model generically so
 * the rule does not depend on the field's name.
 */
function emptySentences(d: Disclosure): Sentence[] {
  const out: Sentence[] = []
  const seen = new Set<unknown>()
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object' || seen.has(v)) return
    seen.add(v)
    if (Array.isArray(v)) return v.forEach(walk)
    const o = v as Record<string, unknown>
    for (const k of ['text', 'value', 'definition']) {
      const t = o[k]
      if (typeof t === 'string' && EMPTY.test(t))
        out.push({ text: t.replace(/\s+/g, ''), key: typeof o.key === 'string' && k === 'text' && typeof o.table === 'string' ? o.key : undefined, place: o.place as Place | undefined })
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'tables' && k !== 'place') walk(x)
  }
  walk(d)
  for (const t of d.tables) if (t.emptyNote) out.push({ text: t.emptyNote.text.replace(/\s+/g, ''), key: t.key, place: t.emptyNote.place })
  return out
}

/** Words naming each table in an explanation. */
const NAMES: Record<string, RegExp> = {
  summary: /收支总体情况表|收支预算总表/,
  income: /收入总体情况表|收入预算总表/,
  expenditure: /部门支出总体情况表|支出预算总表/,
  fiscal_summary: /财政拨款收支/,
  general_expenditure: /一般公共预算支出情况表|一般公共预算支出功能分类/,
  general_basic: /基本支出/,
  general_project: /项目支出/,
  gov_fund: /政府性基金/,
  state_capital: /国有资本/,
  three_public: /三公/,
  entrusted: /委托业务/,
  carryover: /结转/,
}

/** The sentence explaining a table: one naming it, a note attached to it, or a global note. */
function explains(s: Sentence, t: Table): boolean {
  if (s.key) return s.key === t.key
  if (/空表表示|空表为/.test(s.text)) return true
  const re = NAMES[t.key]
  if (re?.test(s.text)) return true
  return !!t.title && s.text.includes(t.title.replace(/\s+/g, ''))
}

/**
 * An empty table is published with a sentence saying why (`…年没有使用政府性基金预算拨款安排的支出，
 * 政府性基金预算支出情况表为空表。`); and a table the text calls empty prints no numbers.
 * An empty 项目支出 table is not suspicious by itself: seed 001's 项目支出 is 单位资金 (rules.md §2.3).
 */
export default defineRule({
  id: 'compliance/empty-table-explained',
  category: 'compliance',
  severity: 'error',
  docs: {
    summary: '空表附有说明，说明为空表的表确实为空',
    basis: '没有数据的表格应当列出空表并说明（rules.md §2.3，财预〔2016〕143号 标准目录）',
  },
  messages: {
    unexplained: '「{title}」为空表，但未说明原因（应有“…为空表”的说明）',
    notEmpty: '说明称「{title}」为空表，但该表列有数字',
  },
  messagesEn: {
    unexplained: '“{title}” is empty but no sentence explains why (expected “…为空表”)',
    notEmpty: 'The text says “{title}” is empty, but the table prints numbers',
  },
  check(d, report) {
    // A document cut short before its explanations (the parser marks it partial) cannot be held to them.
    const cut = d.partial && d.claims.length === 0
    const sentences = emptySentences(d)
    for (const t of d.tables) {
      const title = TABLE_TITLES[t.key] ?? t.title ?? t.key
      const hasNumbers = t.rows.some((r) => r.cells.some((c) => !c.derived))
      if (t.empty && !hasNumbers) {
        if (!cut && !sentences.some((s) => explains(s, t))) report({ messageId: 'unexplained', data: { title }, place: t.place, path: ['tables', t.key] })
        continue
      }
      if (!hasNumbers) continue
      // A sentence naming this table as empty (not a global note, not a note of another table).
      const names = (s: Sentence, key: string): boolean =>
        s.key ? s.key === key : !!NAMES[key]?.test(s.text.slice(Math.max(0, s.text.indexOf('为空表') - 24), s.text.indexOf('为空表')))
      const wrong = sentences.find((s) => /为空表/.test(s.text) && names(s, t.key))
      if (wrong && (wrong.key || !d.tables.some((o) => o !== t && o.empty && names(wrong, o.key))))
        report({ messageId: 'notEmpty', data: { title }, place: wrong.place, path: ['tables', t.key], related: [{ message: title, place: t.place, path: ['tables', t.key] }] })
    }
  },
})

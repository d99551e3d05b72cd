import type { Disclosure, Place } from '../../model/index.ts'
import { defineRule } from '../define-rule.ts'
import { TABLE_TITLES } from './narrative-support.ts'

/** The 143号 core: tables every department budget disclosure publishes (rules.md §2.1). */
const CORE = ['summary', 'income', 'expenditure', 'fiscal_summary', 'general_expenditure', 'general_basic', 'three_public', 'gov_fund']

/** The other tables of the Xinjiang template (rules.md §2.2): 11 in 2024, 12 with 委托业务费 from 2026. */
const TEMPLATE = ['general_project', 'state_capital', 'carryover']

/** Standard order, to say where a missing table belongs. */
const ORDER = ['summary', 'income', 'expenditure', 'fiscal_summary', 'general_expenditure', 'general_basic', 'general_project', 'gov_fund', 'state_capital', 'three_public', 'entrusted', 'carryover']

/** Whether the document speaks of 委托业务费 (the 2026 template's table 11). */
function mentionsEntrusted(d: Disclosure): boolean {
  return (
    d.claims.some((c) => c.text.includes('委托业务费')) ||
    d.sections.some((s) => s.title.includes('委托业务费')) ||
    d.glossary.some((t) => (t.term ?? t.definition).includes('委托业务费'))
  )
}

/**
 * Every standard table is published, empty or not. A missing 143号 core table (部门收支总体情况表 …
 * 政府性基金预算支出情况表) is an error; a missing table of the wider template (项目支出, 国有资本经营,
 * 上年结转结余, and 委托业务费 where the document speaks of it) is a warning, since other provinces
 * publish other sets (rules.md §2.4: Shanghai districts publish 9 tables).
 */
export default defineRule({
  id: 'compliance/tables-present',
  category: 'compliance',
  severity: 'error',
  docs: {
    summary: '公开全部标准预算表',
    basis: '财预〔2016〕143号 及其标准目录（rules.md §2.1：8 张核心表）；新疆模板 11/12 张表（rules.md §2.2）；没有数据的表格应当列出空表并说明（rules.md §2.3）',
  },
  messages: {
    missingCore: '缺少「{title}」（财预〔2016〕143号要求公开的部门预算表）',
    missingTemplate: '缺少「{title}」（部门预算公开模板中的表，本地区模板可能不同）',
  },
  messagesEn: {
    missingCore: 'Missing “{title}” (a department budget table required by MoF 财预〔2016〕143号)',
    missingTemplate: 'Missing “{title}” (a table of the disclosure template; local templates may differ)',
  },
  check(d, report) {
    // A 决算 has tables of its own; a document read only partly (truncated, unreadable pages) lacks what the reader lost.
    if (d.kind !== '预算' || d.tables.length === 0 || d.partial) return
    const have = new Set(d.tables.map((t) => t.key))
    const expected = [...CORE, ...TEMPLATE, ...(mentionsEntrusted(d) ? ['entrusted'] : [])]
    for (const key of ORDER) {
      if (!expected.includes(key) || have.has(key)) continue
      // Point at the table it should follow (or the first table): the document has no place for what it lacks.
      let place: Place | undefined
      for (const k of ORDER.slice(0, ORDER.indexOf(key)).reverse()) {
        place = d.tables.find((t) => t.key === k)?.place
        if (place) break
      }
      place ??= d.tables[0]?.place
      report({
        messageId: CORE.includes(key) ? 'missingCore' : 'missingTemplate',
        ...(CORE.includes(key) ? {} : { severity: 'warning' as const }),
        data: { title: TABLE_TITLES[key] ?? key },
        place,
        path: ['tables', key],
      })
    }
  },
})

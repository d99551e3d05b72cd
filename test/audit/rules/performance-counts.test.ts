import rule from '../../../src/audit/rules/performance-counts.ts'
import type { TargetCount } from '../../../src/model/index.ts'
import { ruleTester } from '../rule-tester.ts'
import { seed } from '../seeds.ts'
import { edit } from './narrative-support.ts'

const count = (id: '001' | '002' | '003', kind: TargetCount['kind'], f: (c: TargetCount) => void) =>
  edit(seed(id), (d) => f(d.performance.counts.find((c) => c.kind === kind)!))

ruleTester.run(rule, {
  valid: [
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    { name: 'seed 003 unmodified', doc: seed('003'), infos: [] },
    {
      name: 'seed 001 with the later statement saying 0 as well … is still 0 个 for 88.27 万元',
      doc: edit(seed('001'), (d) => (d.performance.counts = d.performance.counts.filter((c) => !(c.kind === 'nonfiscal_project' && c.count === 0)))),
      infos: [],
    },
  ],
  invalid: [
    // Seed 001 notes #5: 非财政拨款项目 0 个 (l.799–801) and 1 个 (l.955), both for 88.27 万元.
    { name: 'seed 001 unmodified: 0 and 1 非财政拨款项目', doc: seed('001'), errors: [{ messageId: 'conflict', line: 799 }] },
    {
      name: 'seed 001 with only the 0 个 statement: 0 projects cannot involve 88.27',
      doc: edit(seed('001'), (d) => (d.performance.counts = d.performance.counts.filter((c) => !(c.kind === 'nonfiscal_project' && c.count === 1)))),
      errors: [{ messageId: 'zeroWithMoney', line: 799 }],
    },
    {
      name: 'seed 002 财政拨款项目 3 → 2 个 (l.557): three project tables',
      doc: count('002', 'fiscal_project', (c) => (c.count = 2)),
      errors: [{ messageId: 'tables', line: 557 }],
    },
    {
      name: 'seed 002 整体 415.89 → 416.89 (l.557)',
      doc: count('002', 'department', (c) => (c.amount!.fen += 1_000_000)),
      errors: [{ messageId: 'amount', line: 557 }],
    },
    {
      name: 'seed 003 财政拨款项目 62.00 → 63.00 (l.616)',
      doc: count('003', 'fiscal_project', (c) => (c.amount!.fen += 1_000_000)),
      errors: [{ messageId: 'amount', line: 616 }],
    },
  ],
})

import rule from '../../../src/audit/rules/sum-hierarchy.ts'
import { ruleTester } from '../rule-tester.ts'
import { mutate, seed } from '../seeds.ts'

const at = (table: string, row: string, column: string) => ['tables', table, 'rows', row, column]

ruleTester.run(rule, {
  valid: [
    { name: 'seed 001 unmodified (only 项 rows printed)', doc: seed('001'), infos: [] },
    { name: 'seed 002 unmodified', doc: seed('002'), infos: [] },
    {
      name: 'seed 003 unmodified: 21011 51.89 vs 40.18 + 11.70; 301 and 302 vs their 款',
      doc: seed('003'),
      infos: [
        { messageId: 'rounding', path: at('income', '21011', 'total'), line: 195 },
        { messageId: 'rounding', path: at('income', '21011', 'fiscal.subtotal') },
        { messageId: 'rounding', path: at('income', '21011', 'fiscal.general') },
        { messageId: 'rounding', path: at('expenditure', '21011', 'total'), line: 230 },
        { messageId: 'rounding', path: at('expenditure', '21011', 'basic') },
        { messageId: 'rounding', path: at('general_expenditure', '21011', 'total'), line: 306 },
        { messageId: 'rounding', path: at('general_expenditure', '21011', 'basic') },
        { messageId: 'rounding', path: at('general_basic', '301', 'total'), line: 324 },
        { messageId: 'rounding', path: at('general_basic', '301', 'personnel') },
        { messageId: 'rounding', path: at('general_basic', '302', 'total'), line: 336 },
        { messageId: 'rounding', path: at('general_basic', '302', 'public') },
      ],
    },
  ],
  invalid: [
    {
      name: 'seed 002 表2 2010303 总计 +1.00',
      doc: mutate(seed('002'), ['tables', 'income', 'rows', '2010303', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: at('income', '20103', 'total') }],
    },
    {
      name: 'seed 003 表6 30201 合计 +1.00',
      doc: mutate(seed('003'), ['tables', 'general_basic', 'rows', '30201', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: at('general_basic', '302', 'total'), line: 336 }],
    },
    {
      name: 'seed 002 表7 project 人员补助项目 +1.00 (aggregate 20103 and 201)',
      doc: mutate(seed('002'), ['tables', 'general_project', 'rows', '2010303/人员补助项目', 'total'], 1),
      errors: [{ messageId: 'mismatch', path: at('general_project', '20103', 'total') }],
    },
    {
      name: 'seed 003 表7 unit row 库尔勒市行政服务中心 +1.00 against the rows under it',
      doc: mutate(seed('003'), ['tables', 'general_project', 'rows', 'unit:库尔勒市行政服务中心', 'goods_services'], 1),
      errors: [{ messageId: 'mismatch', path: at('general_project', 'unit:库尔勒市行政服务中心', 'goods_services'), line: 360 }],
    },
    {
      name: 'seed 003 表11 unit row -1.00 against its project',
      doc: mutate(seed('003'), ['tables', 'entrusted', 'rows', 'unit:库尔勒市行政服务中心', 'total'], -1),
      errors: [{ messageId: 'mismatch', path: at('entrusted', 'unit:库尔勒市行政服务中心', 'total'), line: 423 }],
    },
  ],
})

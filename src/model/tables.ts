/**
 * The standard tables of ../shared/spec/facts.md: keys, titles, row kinds and column keys.
 * This file is the spec in code; the parser recognises tables against it and the audit reads
 * column meanings from it. Keys are a public contract: add, never rename.
 */

/** What identifies the rows of a table. */
export type RowKind =
  | 'two-sided' // income lines on the left, function classes on the right (summary, fiscal_summary)
  | 'function' // function codes 类/款/项
  | 'economic' // economic codes 类/款
  | 'project' // function-coded aggregates plus project rows and unit rows (general_project)
  | 'three-public' // the fixed 三公 lines
  | 'named' // rows named by project or unit (entrusted, carryover)

/** A column: its key and the header words that name it (normalised: no whitespace, half-width brackets). */
export interface ColumnSpec {
  key: string
  labels: string[]
}

/** A standard table. */
export interface TableSpec {
  key: string
  title: string
  /** Other titles seen in practice (normalised). */
  aliases: string[]
  rows: RowKind
  columns: ColumnSpec[]
  /** Column identities `a = b + c + …`, used to place numbers whose column the layout lost and by the audit. */
  identities: { total: string; parts: string[] }[]
}

const c = (key: string, ...labels: string[]): ColumnSpec => ({ key, labels })

const TOTAL_BASIC_PROJECT = [c('total', '合计', '总计'), c('basic', '基本支出'), c('project', '项目支出')]
const BY_SOURCE = [
  c('total', '合计', '总计'),
  c('general', '一般公共预算'),
  c('gov_fund', '政府性基金', '政府性基金预算'),
  c('state_capital', '国有资本经营预算'),
]
const SOURCE_IDENTITY = [{ total: 'total', parts: ['general', 'gov_fund', 'state_capital'] }]
const FUND_COLUMNS = [
  c('total', '合计'),
  c('basic.personnel', '人员经费'),
  c('basic.public', '公用经费'),
  c('project', '项目支出'),
]

export const TABLES = [
  {
    key: 'summary',
    title: '部门收支总体情况表',
    aliases: ['部门财务收支预算总表', '部门收支预算总表', '收支预算总表'],
    rows: 'two-sided',
    columns: [c('amount', '预算数')],
    identities: [],
  },
  {
    key: 'income',
    title: '部门收入总体情况表',
    aliases: ['部门收入预算总表', '收入预算总表'],
    rows: 'function',
    columns: [
      c('total', '总计', '合计'),
      c('fiscal.subtotal', '财政拨款(补助)小计', '小计'),
      c('fiscal.general', '一般公共预算'),
      c('fiscal.general_transfer', '上级一般公共预算安排的转移支付'),
      c('fiscal.gov_fund', '政府性基金预算'),
      c('fiscal.gov_fund_transfer', '上级政府性基金安排的转移支付'),
      c('fiscal.state_capital', '国有资本经营预算'),
      c('fiscal.state_capital_transfer', '上级国有资本经营预算安排的转移支付'),
      c('special_account', '财政专户(教育收费)', '财政专户'),
      c('unit', '单位资金'),
      c('carryover.fiscal', '财政拨款结转'),
      c('carryover.nonfiscal', '非财政拨款结转结余'),
    ],
    identities: [
      { total: 'total', parts: ['fiscal.subtotal', 'special_account', 'unit', 'carryover.fiscal', 'carryover.nonfiscal'] },
      // The transfer columns are 其中 of their source (as 其中：上级…转移支付 in 部门收支总体情况表), so they are not addends.
      { total: 'fiscal.subtotal', parts: ['fiscal.general', 'fiscal.gov_fund', 'fiscal.state_capital'] },
    ],
  },
  {
    key: 'expenditure',
    title: '部门支出总体情况表',
    aliases: ['部门支出预算总表', '支出预算总表'],
    rows: 'function',
    columns: TOTAL_BASIC_PROJECT,
    identities: [{ total: 'total', parts: ['basic', 'project'] }],
  },
  {
    key: 'fiscal_summary',
    title: '财政拨款收支预算总体情况表',
    aliases: ['财政拨款收支总体情况表', '部门财政拨款收支预算总表', '财政拨款收支预算总表'],
    rows: 'two-sided',
    columns: BY_SOURCE,
    identities: SOURCE_IDENTITY,
  },
  {
    key: 'general_expenditure',
    title: '一般公共预算支出情况表',
    aliases: ['一般公共预算支出功能分类预算表', '一般公共预算支出预算表', '一般公共预算财政拨款支出表'],
    rows: 'function',
    columns: TOTAL_BASIC_PROJECT,
    identities: [{ total: 'total', parts: ['basic', 'project'] }],
  },
  {
    key: 'general_basic',
    title: '一般公共预算基本支出情况表',
    aliases: ['一般公共预算基本支出部门预算经济分类预算表', '一般公共预算基本支出明细表', '一般公共预算财政拨款基本支出表'],
    rows: 'economic',
    columns: [c('total', '合计', '总计'), c('personnel', '人员经费'), c('public', '公用经费')],
    identities: [{ total: 'total', parts: ['personnel', 'public'] }],
  },
  {
    key: 'general_project',
    title: '一般公共预算项目支出情况表',
    aliases: ['一般公共预算项目支出预算表'],
    rows: 'project',
    columns: [
      c('total', '项目支出合计', '合计'),
      c('wages', '工资福利支出'),
      c('goods_services', '商品和服务支出', '商品服务支出'),
      c('individuals', '对个人和家庭的补助'),
      c('debt_interest', '债务利息及费用支出'),
      c('capital_construction', '资本性支出(基本建设)'),
      c('capital', '资本性支出'),
      c('enterprise_construction', '对企业补助(基本建设)'),
      c('enterprise', '对企业补助'),
      c('social_security_fund', '对社会保障基金补助'),
      c('other', '其他支出'),
    ],
    identities: [
      {
        total: 'total',
        parts: ['wages', 'goods_services', 'individuals', 'debt_interest', 'capital_construction', 'capital',
          'enterprise_construction', 'enterprise', 'social_security_fund', 'other'],
      },
    ],
  },
  {
    key: 'gov_fund',
    title: '政府性基金预算支出情况表',
    aliases: ['政府性基金预算支出预算表', '政府性基金预算支出表'],
    rows: 'function',
    columns: FUND_COLUMNS,
    identities: [{ total: 'total', parts: ['basic.personnel', 'basic.public', 'project'] }],
  },
  {
    key: 'state_capital',
    title: '国有资本经营预算支出情况表',
    aliases: ['国有资本经营预算支出预算表', '国有资本经营预算支出表'],
    rows: 'function',
    columns: FUND_COLUMNS,
    identities: [{ total: 'total', parts: ['basic.personnel', 'basic.public', 'project'] }],
  },
  {
    key: 'three_public',
    title: '财政拨款“三公”经费支出情况表',
    aliases: ['“三公”经费支出情况表', '一般公共预算“三公”经费支出情况表', '部门“三公”经费和机关运行经费预算表'],
    rows: 'three-public',
    columns: BY_SOURCE,
    identities: SOURCE_IDENTITY,
  },
  {
    key: 'entrusted',
    title: '财政拨款委托业务费支出情况表',
    aliases: ['委托业务费支出情况表'],
    rows: 'named',
    columns: BY_SOURCE,
    identities: SOURCE_IDENTITY,
  },
  {
    key: 'carryover',
    title: '上年结转结余情况（明细）表',
    aliases: ['上年结转结余情况明细表', '上年结转结余情况表', '上年结转结余明细表'],
    rows: 'named',
    columns: [
      c('total', '总计', '合计'),
      c('fiscal.total', '财政拨款合计', '小计'),
      c('fiscal.basic.personnel', '人员经费'),
      c('fiscal.basic.public', '公用经费'),
      c('fiscal.project', '项目支出'),
      c('nonfiscal.total', '非财政拨款合计', '小计'),
      c('nonfiscal.basic.personnel', '人员经费'),
      c('nonfiscal.basic.public', '公用经费'),
      c('nonfiscal.project', '项目支出'),
    ],
    identities: [
      { total: 'total', parts: ['fiscal.total', 'nonfiscal.total'] },
      { total: 'fiscal.total', parts: ['fiscal.basic.personnel', 'fiscal.basic.public', 'fiscal.project'] },
      { total: 'nonfiscal.total', parts: ['nonfiscal.basic.personnel', 'nonfiscal.basic.public', 'nonfiscal.project'] },
    ],
  },
] as const satisfies readonly TableSpec[]

export type TableKey = (typeof TABLES)[number]['key']

/** The spec of a table key, if it is a standard one. */
export function tableSpec(key: string): TableSpec | undefined {
  return (TABLES as readonly TableSpec[]).find((t) => t.key === key)
}

/** Income lines of 部门收支总体情况表, in their standard order, with the labels that name them. */
export const SUMMARY_INCOME_LINES: readonly { key: string; labels: string[] }[] = [
  { key: 'inc.current', labels: ['本年收入', '本年收入合计'] },
  // Added for the Shanghai district template, whose first income line is all fiscal funds (docs/facts.md).
  { key: 'inc.fiscal', labels: ['财政拨款收入', '财政拨款'] },
  { key: 'inc.general', labels: ['一般公共预算拨款', '一般公共预算拨款收入', '一般公共预算'] },
  { key: 'inc.general.own', labels: ['一般财力'] },
  { key: 'inc.general.transfer', labels: ['上级一般公共预算安排转移支付', '上级一般公共预算安排的转移支付'] },
  { key: 'inc.gov_fund', labels: ['政府性基金预算拨款', '政府性基金预算拨款收入', '政府性基金预算'] },
  { key: 'inc.gov_fund.own', labels: ['政府性基金收入'] },
  { key: 'inc.gov_fund.transfer', labels: ['上级政府性基金安排转移支付', '上级政府性基金安排的转移支付'] },
  { key: 'inc.state_capital', labels: ['国有资本经营预算拨款', '国有资本经营预算拨款收入', '国有资本经营预算'] },
  { key: 'inc.state_capital.own', labels: ['国有资本经营收入'] },
  { key: 'inc.state_capital.transfer', labels: ['上级国有资本经营预算安排转移支付', '上级国有资本经营预算安排的转移支付'] },
  { key: 'inc.special_account', labels: ['财政专户核拨', '财政专户管理资金', '财政专户管理资金收入'] },
  { key: 'inc.unit', labels: ['单位资金'] },
  { key: 'inc.unit.business', labels: ['事业收入'] },
  { key: 'inc.unit.superior', labels: ['上级补助收入'] },
  { key: 'inc.unit.subordinate', labels: ['附属单位上缴收入'] },
  { key: 'inc.unit.operating', labels: ['事业单位经营收入'] },
  { key: 'inc.unit.other', labels: ['其他收入'] },
  { key: 'inc.carryover', labels: ['上年结转结余', '上年结转'] },
  { key: 'inc.carryover.fiscal', labels: ['财政拨款结转'] },
  { key: 'inc.carryover.fiscal.general', labels: ['一般公共预算拨款'] },
  { key: 'inc.carryover.fiscal.gov_fund', labels: ['政府性基金预算拨款', '基金预算拨款'] },
  { key: 'inc.carryover.fiscal.state_capital', labels: ['国有资本经营预算拨款'] },
  { key: 'inc.carryover.nonfiscal', labels: ['非财政拨款结转结余', '非财政拨款结余', '非财政拨款结转'] },
  { key: 'inc.carryover.nonfiscal.special_account', labels: ['财政专户核拨'] },
  { key: 'inc.carryover.nonfiscal.unit', labels: ['单位资金'] },
  { key: 'inc.total', labels: ['收入总计', '收入合计'] },
]

/** Income lines of 财政拨款收支预算总体情况表, in order. */
export const FISCAL_INCOME_LINES: readonly { key: string; labels: string[] }[] = [
  { key: 'inc.fiscal', labels: ['财政拨款(补助)', '财政拨款', '本年收入'] },
  { key: 'inc.fiscal.general', labels: ['一般公共预算', '一般公共预算拨款'] },
  { key: 'inc.fiscal.gov_fund', labels: ['政府性基金预算', '政府性基金预算拨款'] },
  { key: 'inc.fiscal.state_capital', labels: ['国有资本经营预算', '国有资本经营预算拨款'] },
  { key: 'inc.carryover', labels: ['上年结转', '上年结转结余'] },
  { key: 'inc.carryover.general', labels: ['一般公共预算', '一般公共预算拨款'] },
  { key: 'inc.carryover.gov_fund', labels: ['政府性基金预算', '政府性基金预算拨款'] },
  { key: 'inc.carryover.state_capital', labels: ['国有资本经营预算', '国有资本经营预算拨款'] },
  { key: 'inc.total', labels: ['收入总计', '收入合计'] },
]

/** Rows of 财政拨款“三公”经费支出情况表 with the labels that name them. */
export const THREE_PUBLIC_ROWS: readonly { key: string; labels: string[] }[] = [
  { key: 'total', labels: ['合计', '总计'] },
  { key: 'overseas', labels: ['因公出国(境)费', '因公出国(境)费用', '因公出国(境)'] },
  { key: 'reception', labels: ['公务接待费'] },
  { key: 'vehicles', labels: ['公务用车购置及运行费', '公务用车购置及运行维护费', '公务用车购置及运行费(小计)', '公务用车购置及运行维护费(小计)'] },
  { key: 'vehicles.purchase', labels: ['公务用车购置费', '公务用车购置'] },
  { key: 'vehicles.operation', labels: ['公务用车运行费', '公务用车运行维护费'] },
]

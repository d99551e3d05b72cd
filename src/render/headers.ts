/**
 * The standard multi-level header of each table key, as a tree of labels, and the grid of merged
 * cells it prints as. Labels follow the Xinjiang 11–12-table template of the seeds
 * (examples/seeds/003_*.txt, 表 1–12) with every standard column of ../shared/spec/facts.md,
 * including those a given document leaves out (seed 003's 表 2 has no
 * 上级国有资本经营预算安排的转移支付 column; the standard header has it).
 */

/** What fills a column of the body. */
export type ColumnRef =
  /** A value column of the model (`total`, `fiscal.general`, …); `side` for two-sided tables. */
  | { kind: 'value'; key: string; side?: Side }
  /** One part of a classification code: 0 类, 1 款, 2 项. */
  | { kind: 'code'; part: 0 | 1 | 2 }
  /** The row's name (科目名称, 项目, “三公”经费支出内容); `side` for two-sided tables. */
  | { kind: 'name'; side?: Side }
  /** 项目名称 of 一般公共预算项目支出情况表. */
  | { kind: 'project' }

/** The income (left) or expenditure (right) half of a two-sided table. */
export type Side = 'inc' | 'exp'

/** A node of a header tree: a leaf names a column, an inner node groups its children under one merged cell. */
export interface HeaderNode {
  label: string
  /** Set on leaves only. */
  column?: ColumnRef
  children?: HeaderNode[]
}

/** One printed header cell with its span, 0-based, in the grid of header rows × leaf columns. */
export interface HeaderCell {
  label: string
  row: number
  col: number
  rowSpan: number
  colSpan: number
}

/** A header laid out: its rows of merged cells and, left to right, the column under each leaf. */
export interface HeaderGrid {
  /** Number of header rows. */
  depth: number
  cells: HeaderCell[]
  columns: ColumnRef[]
  /** The label path of each column, outermost first. */
  paths: string[][]
}

const leaf = (label: string, column: ColumnRef): HeaderNode => ({ label, column })
const value = (label: string, key: string, side?: Side): HeaderNode =>
  leaf(label, side ? { kind: 'value', key, side } : { kind: 'value', key })
const group = (label: string, ...children: HeaderNode[]): HeaderNode => ({ label, children })
const name = (label: string, side?: Side): HeaderNode => leaf(label, side ? { kind: 'name', side } : { kind: 'name' })

const FUNCTION_CODE = group('科目代码', leaf('类', { kind: 'code', part: 0 }), leaf('款', { kind: 'code', part: 1 }), leaf('项', { kind: 'code', part: 2 }))
const ECONOMIC_CODE = group('科目代码', leaf('类', { kind: 'code', part: 0 }), leaf('款', { kind: 'code', part: 1 }))
const BY_SOURCE = [value('合计', 'total'), group('资金来源', value('一般公共预算', 'general'), value('政府性基金', 'gov_fund'), value('国有资本经营预算', 'state_capital'))]
const FUND_COLUMNS = [
  value('合计', 'total'),
  group('基本支出', value('人员经费', 'basic.personnel'), value('公用经费', 'basic.public')),
  value('项目支出', 'project'),
]
const CARRYOVER_SIDE = (label: string, side: 'fiscal' | 'nonfiscal') =>
  group(label,
    value('小计', `${side}.total`),
    group('基本支出', value('人员经费', `${side}.basic.personnel`), value('公用经费', `${side}.basic.public`)),
    value('项目支出', `${side}.project`))

/** The standard header of each table key, as printed in 表 1–12 of the Xinjiang template. */
export const HEADERS: Readonly<Record<string, HeaderNode[]>> = {
  summary: [
    group('收入', name('项目', 'inc'), value('预算数', 'amount', 'inc')),
    group('支出', name('科目名称', 'exp'), value('预算数', 'amount', 'exp')),
  ],
  income: [
    FUNCTION_CODE,
    name('科目名称'),
    value('总计', 'total'),
    group('财政拨款（补助）',
      value('财政拨款（补助）小计', 'fiscal.subtotal'),
      value('一般公共预算', 'fiscal.general'),
      value('上级一般公共预算安排的转移支付', 'fiscal.general_transfer'),
      value('政府性基金预算', 'fiscal.gov_fund'),
      value('上级政府性基金安排的转移支付', 'fiscal.gov_fund_transfer'),
      value('国有资本经营预算', 'fiscal.state_capital'),
      value('上级国有资本经营预算安排的转移支付', 'fiscal.state_capital_transfer')),
    value('财政专户（教育收费）', 'special_account'),
    value('单位资金', 'unit'),
    value('财政拨款结转', 'carryover.fiscal'),
    value('非财政拨款结转结余', 'carryover.nonfiscal'),
  ],
  expenditure: [
    FUNCTION_CODE,
    name('科目名称'),
    group('支出预算', value('合计', 'total'), value('基本支出', 'basic'), value('项目支出', 'project')),
  ],
  fiscal_summary: [
    group('财政拨款收入', name('项目', 'inc'), value('合计', 'total', 'inc')),
    group('财政拨款支出',
      name('科目名称', 'exp'),
      value('合计', 'total', 'exp'),
      value('一般公共预算', 'general', 'exp'),
      value('政府性基金预算', 'gov_fund', 'exp'),
      value('国有资本经营预算', 'state_capital', 'exp')),
  ],
  general_expenditure: [
    group('科目', FUNCTION_CODE, name('科目名称')),
    group('一般公共预算支出', value('合计', 'total'), value('基本支出', 'basic'), value('项目支出', 'project')),
  ],
  general_basic: [
    ECONOMIC_CODE,
    name('科目名称'),
    group('一般公共预算基本支出', value('合计', 'total'), value('人员经费', 'personnel'), value('公用经费', 'public')),
  ],
  general_project: [
    FUNCTION_CODE,
    name('科目名称'),
    leaf('项目名称', { kind: 'project' }),
    value('项目支出合计', 'total'),
    value('工资福利支出', 'wages'),
    value('商品和服务支出', 'goods_services'),
    value('对个人和家庭的补助', 'individuals'),
    value('债务利息及费用支出', 'debt_interest'),
    value('资本性支出（基本建设）', 'capital_construction'),
    value('资本性支出', 'capital'),
    value('对企业补助（基本建设）', 'enterprise_construction'),
    value('对企业补助', 'enterprise'),
    value('对社会保障基金补助', 'social_security_fund'),
    value('其他支出', 'other'),
  ],
  gov_fund: [group('科目', FUNCTION_CODE, name('科目名称')), group('政府性基金预算支出', ...FUND_COLUMNS)],
  state_capital: [group('科目', FUNCTION_CODE, name('科目名称')), group('国有资本经营预算支出', ...FUND_COLUMNS)],
  three_public: [name('“三公”经费支出内容'), ...BY_SOURCE],
  entrusted: [name('项目名称'), ...BY_SOURCE],
  carryover: [name('项目'), value('总计', 'total'), CARRYOVER_SIDE('财政拨款', 'fiscal'), CARRYOVER_SIDE('非财政拨款', 'nonfiscal')],
}

/** The header of a table key; a table with no standard header gets one flat row from its model columns. */
export function headerOf(key: string, columns: readonly { key: string; path: readonly string[] }[] = []): HeaderNode[] {
  const standard = HEADERS[key]
  if (standard) return standard
  return [name('项目'), ...columns.map((c) => value(c.path.join('') || c.key, c.key))]
}

const depthOf = (nodes: readonly HeaderNode[]): number =>
  Math.max(0, ...nodes.map((n) => 1 + (n.children ? depthOf(n.children) : 0)))

/**
 * Lay a header tree out as a grid: an inner node spans its leaves; a leaf spans down to the last
 * header row, so every column's label sits on the row above the body.
 */
export function headerGrid(nodes: readonly HeaderNode[]): HeaderGrid {
  const depth = depthOf(nodes)
  const cells: HeaderCell[] = []
  const columns: ColumnRef[] = []
  const paths: string[][] = []
  const place = (list: readonly HeaderNode[], row: number, path: string[]): void => {
    for (const node of list) {
      const col = columns.length
      if (node.children?.length) {
        place(node.children, row + 1, [...path, node.label])
        cells.push({ label: node.label, row, col, rowSpan: 1, colSpan: columns.length - col })
      } else {
        if (!node.column) throw new Error(`header leaf 「${node.label}」 names no column`)
        columns.push(node.column)
        paths.push([...path, node.label])
        cells.push({ label: node.label, row, col, rowSpan: depth - row, colSpan: 1 })
      }
    }
  }
  place(nodes, 0, [])
  cells.sort((a, b) => a.row - b.row || a.col - b.col)
  return { depth, cells, columns, paths }
}

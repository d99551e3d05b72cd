import { z } from 'zod'
import { Place } from './place.ts'
import { Money } from './claim.ts'

/** One indicator row of a 绩效目标表. */
export const Indicator = z.object({
  /** 一级指标 (carried down from the row above where the cell is merged). */
  level1: z.string().optional(),
  /** 二级指标 */
  level2: z.string().optional(),
  /** 三级指标 */
  name: z.string(),
  /** 指标值 as printed. */
  target: z.string(),
  /** Comparator of 指标值: `>=`, `<=`, `=`, `>`, `<`, or none for a qualitative value. */
  comparator: z.enum(['>=', '<=', '=', '>', '<']).optional(),
  /** Number of 指标值, where it has one. */
  value: z.string().optional(),
  /** Unit of 指标值 (`人`, `%`, `万元`). */
  unit: z.string().optional(),
  /** A value with no number (`提升`, `保障`, `有效提高`). */
  qualitative: z.boolean(),
  /** 指标(值)设定依据 */
  basis: z.string().optional(),
  /** 上年完成值 */
  previous: z.string().optional(),
  /** 分值权重 */
  weight: z.number().optional(),
  /** 赋分规则 */
  scoring: z.string().optional(),
  /** 佐证资料 */
  evidence: z.string().optional(),
  place: Place.optional(),
})
export type Indicator = z.infer<typeof Indicator>

/** A 部门整体绩效目标表 or 项目支出绩效目标表. */
export const TargetTable = z.object({
  kind: z.enum(['department', 'project']),
  /** 部门名称 / 项目名称 */
  name: z.string().optional(),
  /** 预算单位 */
  unit: z.string().optional(),
  /** 部门联系人 / 项目负责人 */
  contact: z.string().optional(),
  phone: z.string().optional(),
  /** 资金总额 / 年度预算总额 */
  total: Money.optional(),
  /** 财政资金 / 其中：财政拨款 (本级安排 for the department table). */
  fiscal: Money.optional(),
  /** 上级安排 */
  superior: Money.optional(),
  /** 其他资金 */
  other: Money.optional(),
  /** 年度绩效目标 / 项目总体目标 */
  goal: z.string().optional(),
  indicators: z.array(Indicator),
  place: Place.optional(),
})
export type TargetTable = z.infer<typeof TargetTable>

/** `整体预算绩效目标 1 个，涉及金额 509.90 万元` and its siblings. */
export const TargetCount = z.object({
  kind: z.enum(['department', 'fiscal_project', 'nonfiscal_project', 'project']),
  count: z.number().int().optional(),
  amount: Money.optional(),
  text: z.string(),
  place: Place.optional(),
})
export type TargetCount = z.infer<typeof TargetCount>

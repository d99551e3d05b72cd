import { z } from 'zod'
import { Place } from './place.ts'
import { Claim, Money } from './claim.ts'
import { Table } from './table.ts'
import { TargetCount, TargetTable } from './target.ts'

const Text = z.object({ value: z.string(), place: Place.optional() })
const Count = z.object({ value: z.number().int(), place: Place.optional() })

/** 编制数, 实有人数, 在职/退休/离休 with their 增加 counts. */
export const Staffing = z.object({
  authorized: Count.optional(),
  actual: Count.optional(),
  active: Count.optional(),
  activeIncrease: Count.optional(),
  retired: Count.optional(),
  retiredIncrease: Count.optional(),
  honoraryRetired: Count.optional(),
  honoraryRetiredIncrease: Count.optional(),
})
export type Staffing = z.infer<typeof Staffing>

/** 政府采购 */
export const Procurement = z.object({
  total: Money.optional(),
  goods: Money.optional(),
  works: Money.optional(),
  services: Money.optional(),
  /** 面向中小企业预留 */
  sme: Money.optional(),
  /** 小微企业预留 */
  smallMicro: Money.optional(),
  place: Place.optional(),
})
export type Procurement = z.infer<typeof Procurement>

/** One kind of vehicle in 国有资产占用. */
export const VehicleHolding = z.object({
  kind: z.string(),
  count: Count.optional(),
  value: Money.optional(),
})

/** 国有资产占用使用情况 */
export const Assets = z.object({
  /** 截至 N 年底 */
  asOfYear: Count.optional(),
  buildingArea: Text.optional(),
  buildingValue: Money.optional(),
  /** `车辆` (all) first, then each kind. */
  vehicles: z.array(VehicleHolding),
  furniture: Money.optional(),
  other: Money.optional(),
  /** 单位价值 50 万元以上大型设备 (台/套) */
  equipment50: Count.optional(),
  /** 单位价值 100 万元以上大型设备 */
  equipment100: Count.optional(),
  /** Planned purchases this year. */
  plannedEquipment50: Count.optional(),
  plannedEquipment100: Count.optional(),
  place: Place.optional(),
})
export type Assets = z.infer<typeof Assets>

/** A heading of 第三部分 (一、关于…收入预算情况说明). */
export const Section = z.object({
  /** What the section is about; see SectionKind in parse. */
  kind: z.string(),
  title: z.string(),
  place: Place.optional(),
})
export type Section = z.infer<typeof Section>

/** A term of 第四部分 名词解释. */
export const Term = z.object({
  term: z.string().optional(),
  definition: z.string(),
  place: Place.optional(),
})
export type Term = z.infer<typeof Term>

/** A sentence saying a table is empty (`…政府性基金预算支出情况表为空表`), wherever the document prints it. */
export const EmptyTableNote = z.object({
  /** The table's name as printed, whitespace removed (`政府性基金预算支出情况表`). */
  table: z.string(),
  /** Spec table key (`gov_fund`, `carryover`, …) where the name could be matched. */
  key: z.string().optional(),
  /** The whole sentence, whitespace removed. */
  text: z.string(),
  place: Place.optional(),
})
export type EmptyTableNote = z.infer<typeof EmptyTableNote>

/** The canonical model of one disclosure, whatever its source format. */
export const Disclosure = z.object({
  /** The source file as given. */
  file: z.string(),
  /** 预算 (budget) or 决算 (final accounts). */
  kind: z.enum(['预算', '决算']),
  department: Text.optional(),
  year: Count.optional(),
  /** The unit the document prints money in (tables may differ; each table has its own). */
  unit: z.enum(['万元', '元']),
  overview: z.object({
    /** 主要职能 */
    functions: Text.optional(),
    /** 机构设置 */
    organization: Text.optional(),
    /** Units included (下属预算单位 listed by name). */
    units: z.array(Text),
    staffing: Staffing,
  }),
  tables: z.array(Table),
  sections: z.array(Section),
  claims: z.array(Claim),
  /** 机关运行经费 (or 单位/事业单位运行经费). */
  operatingCosts: Claim.optional(),
  procurement: Procurement.optional(),
  assets: Assets.optional(),
  performance: z.object({
    counts: z.array(TargetCount),
    tables: z.array(TargetTable),
    /** Sentences explaining why a target table is not published (未公开绩效目标表原因). */
    notes: z.array(Text),
  }),
  glossary: z.array(Term),
  /** Every `…为空表` sentence, in 第二部分 notes and in 第三部分 alike, so each empty table can be checked for its explanation. */
  emptyTables: z.array(EmptyTableNote).optional(),
  /** True when the document was cut short or a required part could not be read: the model is incomplete. */
  partial: z.boolean(),
})
export type Disclosure = z.infer<typeof Disclosure>

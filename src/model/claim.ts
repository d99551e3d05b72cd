import { z } from 'zod'
import { Place } from './place.ts'

/** A sum of money stated in the narrative, in 万元. */
export const Money = z.object({
  /** Canonical 万元 decimal; signed for changes (减少 is negative). */
  value: z.string(),
  fen: z.number().int(),
  raw: z.string(),
  place: Place.optional(),
})
export type Money = z.infer<typeof Money>

/** A percentage stated in the narrative. */
export const Percent = z.object({
  /** Canonical decimal without `%`; signed for rates (下降 is negative). */
  value: z.string(),
  /** Hundredths of a percent as an integer (82.69% → 8269), for exact comparison. */
  hundredths: z.number().int(),
  raw: z.string(),
  place: Place.optional(),
})
export type Percent = z.infer<typeof Percent>

/**
 * One statement of 第三部分 about one subject: `一般公共预算 421.63 万元，占 82.69%，比上年预算减少
 * 39.08 万元，下降 8.48%，主要原因是…`. Each part is optional; a claim has at least one.
 */
export const Claim = z.object({
  /** The narrative section it belongs to (`income`, `expenditure`, `general_structure`, …); see `SectionKind`. */
  section: z.string(),
  /** What the numbers are about, as printed with whitespace removed (`一般公共预算`, `基本支出`, `一般公共服务支出（类）`). */
  subject: z.string(),
  /**
   * Canonical name of the subject within its section, where it is a standard one: `total`, `general`,
   * `gov_fund`, `state_capital`, `special_account`, `unit` (and `unit.business` …), `carryover`, `basic`, `project`,
   * `personnel`, `public`, `scale`, and the 三公 row keys (`overseas`, `reception`, `vehicles`,
   * `vehicles.purchase`, `vehicles.operation`). Absent for class/item lines (see `code`) and free subjects.
   */
  key: z.string().optional(),
  /** Function code the subject names, where it could be resolved from the catalog or the tables. */
  code: z.string().optional(),
  /** 类/款/项 names of a classification line (`一般公共服务支出（类）政府办公厅（室）…（款）行政运行（项）`). */
  path: z.array(z.string()).optional(),
  amount: Money.optional(),
  /** 占 x% */
  share: Percent.optional(),
  /** 比上年增加/减少 X 万元 (signed). */
  change: Money.optional(),
  /** The previous year's amount where the sentence states it (`较上年预算数 460.71 万元减少 39.08 万元`). */
  previous: Money.optional(),
  /** 增长/下降 Y% (signed). */
  rate: Percent.optional(),
  /** 主要原因 … */
  reason: z.object({ text: z.string(), place: Place.optional() }).optional(),
  /** 主要用于 … (what the money is for). */
  purpose: z.object({ text: z.string(), place: Place.optional() }).optional(),
  /** The whole sentence, whitespace removed. */
  text: z.string(),
  place: Place.optional(),
})
export type Claim = z.infer<typeof Claim>

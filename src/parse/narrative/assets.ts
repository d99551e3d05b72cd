import type { Assets } from '../../model/index.ts'
import type { Para, Source } from './text.ts'

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`
const AS_OF = /截至(?:到)?(\d{4})年(?:底|末|12月31日|12月底)?/
const BUILDING = new RegExp(String.raw`房屋(?:建筑面积|面积)?(?:共)?${NUM}(?:平方米|㎡|m2)[,，]?(?:价值|账面价值|原值)?${NUM}万元`)
// 车辆 24 辆，价值 545.67 万元；其中：一般公务用车 24 辆，价值 545.67 万元；…
const VEHICLE = new RegExp(String.raw`([\u4e00-\u9fa5]{2,12}?)(\d+)辆[,，]?(?:价值|账面价值|原值)?(?:${NUM}万元)?`, 'g')
const FURNITURE = new RegExp(String.raw`办公家具(?:价值|账面价值|原值)?${NUM}万元`)
const OTHER = new RegExp(String.raw`其他资产(?:价值|账面价值|原值)?${NUM}万元`)
// 单位价值 50 万元以上大型设备 0 台（套）
const EQUIPMENT = /(50|100)万元(?:\(含\))?以上(?:的)?(?:大型|通用|专用)?(?:设备|仪器)(?:共)?(\d+)(?:台|套|件)/g
const PLANNED = /购置|采购/
const VEHICLE_KIND_LEAD = /^(?:其中|包括|含|共有|现有|共)[:：]?/
const LIST_NUMBER = /^\d+[.、]/

/** A count printed at [a, a + len) of a paragraph. */
function count(src: Source, p: Para, value: number, a: number, len: number) {
  return { value, place: src.place(p, a, a + len) }
}

/** An amount in 万元 printed as `s` at `a` of a paragraph. */
function money(src: Source, p: Para, a: number, s: string) {
  return src.money(p, a, a + s.length, '万元')
}

/** Read a paragraph of 国有资产占用使用情况 into `assets`. */
export function readAssets(src: Source, p: Para, assets: Assets): void {
  const t = p.text
  if (!assets.place && /\d/.test(t)) assets.place = src.place(p, 0, t.length)
  // Each pattern is tried only where its key word is printed.
  const asOf = t.includes('截至') ? AS_OF.exec(t) : null
  if (asOf && !assets.asOfYear) assets.asOfYear = count(src, p, Number(asOf[1]), asOf.index + 2 + (asOf[0][2] === '到' ? 1 : 0), 4)
  const b = t.includes('房屋') ? BUILDING.exec(t) : null
  if (b && !assets.buildingArea) {
    const a = b.index + b[0].indexOf(b[1]!)
    assets.buildingArea = { value: b[1]!.replace(/,/g, ''), place: src.place(p, a, a + b[1]!.length) }
    const v = money(src, p, b.index + b[0].length - 2 - b[2]!.length, b[2]!)
    if (v) assets.buildingValue = v
  }
  const planned = PLANNED.test(t)
  if (!planned && t.includes('辆')) {
    VEHICLE.lastIndex = 0
    for (let m = VEHICLE.exec(t); m; m = VEHICLE.exec(t)) {
      const kind = m[1]!.replace(VEHICLE_KIND_LEAD, '').replace(LIST_NUMBER, '')
      const c = m.index + m[1]!.length
      const holding: Assets['vehicles'][number] = { kind, count: count(src, p, Number(m[2]), c, m[2]!.length) }
      if (m[3]) {
        const v = money(src, p, m.index + m[0].length - 2 - m[3].length, m[3])
        if (v) holding.value = v
      }
      assets.vehicles.push(holding)
    }
  }
  const f = t.includes('办公家具') ? FURNITURE.exec(t) : null
  if (f && !assets.furniture) {
    const v = money(src, p, f.index + f[0].length - 2 - f[1]!.length, f[1]!)
    if (v) assets.furniture = v
  }
  const o = t.includes('其他资产') ? OTHER.exec(t) : null
  if (o && !assets.other) {
    const v = money(src, p, o.index + o[0].length - 2 - o[1]!.length, o[1]!)
    if (v) assets.other = v
  }
  if (!t.includes('以上')) return
  EQUIPMENT.lastIndex = 0
  for (let m = EQUIPMENT.exec(t); m; m = EQUIPMENT.exec(t)) {
    const field = planned
      ? m[1] === '50' ? 'plannedEquipment50' : 'plannedEquipment100'
      : m[1] === '50' ? 'equipment50' : 'equipment100'
    if (assets[field]) continue
    const a = m.index + m[0].lastIndexOf(m[2]!)
    assets[field] = count(src, p, Number(m[2]), a, m[2]!.length)
  }
}

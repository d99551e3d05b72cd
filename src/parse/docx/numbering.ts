import { child, elements, parseXml, path, type XmlElement } from '../office/xml.ts'

/**
 * Word's automatic list numbers (ECMA-376 Part 1, 17.9). Disclosures number their parts and
 * sections with them (`一、部门主要职能`, `（一）`, `1.`), and the number is not in the text:
 * without it a heading loses the mark the narrative reader looks for. Numbers are counted per
 * abstract numbering, as Word counts them, and rendered with the level's format and text.
 */
export interface Numbering {
  /** The number label of a paragraph (`一、`, `（二）`, `3.`), or '' when it has none or a bullet. Advances the counters. */
  label(p: XmlElement): string
}

interface Level {
  start: number
  format: string
  text: string
  suffix: string
}

/** No numbering: every paragraph's label is ''. */
export const NO_NUMBERING: Numbering = { label: () => '' }

/** Read numbering.xml and the paragraph styles that carry numbering (headings usually do). */
export function readNumbering(numberingXml: string | undefined, stylesXml: string | undefined): Numbering {
  if (numberingXml === undefined) return NO_NUMBERING
  const numbering = child(parseXml(numberingXml), 'numbering')
  if (!numbering) return NO_NUMBERING
  const abstract = new Map<string, Level[]>()
  for (const a of elements(numbering, 'abstractNum')) {
    const levels: Level[] = []
    for (const l of elements(a, 'lvl')) {
      const i = Number(l.attrs.ilvl ?? 0)
      if (!(i >= 0 && i < 9)) continue
      levels[i] = {
        start: Number(child(l, 'start')?.attrs.val ?? 1) || 0,
        format: child(l, 'numFmt')?.attrs.val ?? 'decimal',
        text: child(l, 'lvlText')?.attrs.val ?? '',
        suffix: child(l, 'suff')?.attrs.val ?? 'tab',
      }
    }
    abstract.set(a.attrs.abstractNumId ?? '', levels)
  }
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>()
  for (const n of elements(numbering, 'num')) {
    const overrides = new Map<number, number>()
    for (const o of elements(n, 'lvlOverride')) {
      const s = child(o, 'startOverride')?.attrs.val
      if (s !== undefined) overrides.set(Number(o.attrs.ilvl ?? 0), Number(s))
    }
    nums.set(n.attrs.numId ?? '', { abstractId: child(n, 'abstractNumId')?.attrs.val ?? '', overrides })
  }
  const styles = styleNumbering(stylesXml)
  const counters = new Map<string, number[]>()
  const overridden = new Set<string>()
  return {
    label(p) {
      const pPr = child(p, 'pPr')
      const numPr = child(pPr, 'numPr')
      let ilvl = numPr ? Number(child(numPr, 'ilvl')?.attrs.val ?? 0) : 0
      let numId = child(numPr, 'numId')?.attrs.val
      if (numId === undefined) {
        const fromStyle = styles.get(child(pPr, 'pStyle')?.attrs.val ?? 'Normal')
        if (!fromStyle) return ''
        numId = fromStyle.numId
        if (!numPr) ilvl = fromStyle.ilvl
      }
      const num = nums.get(numId)
      const levels = num ? abstract.get(num.abstractId) : undefined
      if (!num || !levels || numId === '0') return ''
      const level = levels[ilvl]
      if (!level || !(ilvl >= 0 && ilvl < 9)) return ''
      const key = num.abstractId
      const count = counters.get(key) ?? []
      // A startOverride restarts the list the first time its num is used.
      if (!overridden.has(numId) && num.overrides.size > 0) {
        overridden.add(numId)
        for (const [i, v] of num.overrides) count[i] = v - 1
      }
      count[ilvl] = (count[ilvl] ?? level.start - 1) + 1
      count.length = ilvl + 1
      counters.set(key, count)
      if (level.format === 'bullet') return ''
      const label = level.text.replace(/%([1-9])/g, (_m, d: string) => {
        const i = Number(d) - 1
        const l = levels[i]
        return l ? formatCounter(count[i] ?? l.start, l.format) : ''
      })
      if (!label || level.suffix === 'nothing' || /[、.．)）:：]$/.test(label)) return label
      return `${label} `
    },
  }
}

/** Paragraph styles with numbering (`w:pPr/w:numPr`), following `w:basedOn`. */
function styleNumbering(stylesXml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>()
  if (stylesXml === undefined) return out
  const styles = elements(child(parseXml(stylesXml), 'styles') ?? { name: '', attrs: {}, children: [] }, 'style').filter((s) => s.attrs.type === 'paragraph')
  const byId = new Map(styles.map((s) => [s.attrs.styleId ?? '', s]))
  for (const [id] of byId) {
    let s = byId.get(id)
    for (let hops = 0; s && hops < 20; hops++) {
      const numPr = path(s, 'pPr', 'numPr')
      if (numPr) {
        const numId = child(numPr, 'numId')?.attrs.val
        if (numId !== undefined) out.set(id, { numId, ilvl: Number(child(numPr, 'ilvl')?.attrs.val ?? 0) })
        break
      }
      s = byId.get(child(s, 'basedOn')?.attrs.val ?? '')
    }
  }
  return out
}

const DIGITS = '〇一二三四五六七八九'
const COUNTING = '零一二三四五六七八九'
const LEGAL = '零壹贰叁肆伍陆柒捌玖'
const TIANGAN = '甲乙丙丁戊己庚辛壬癸'
const DIZHI = '子丑寅卯辰巳午未申酉戌亥'

/** A list counter in a numbering format (17.18.59 ST_NumberFormat). */
export function formatCounter(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return format === 'ideographDigital' ? [...String(n)].map((d) => DIGITS[Number(d)]).join('') : chineseNumber(n, COUNTING, '十百千')
    case 'chineseLegalSimplified':
      return chineseNumber(n, LEGAL, '拾佰仟')
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n)
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12] ?? String(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)
    case 'decimalEnclosedParen':
      return `(${n})`
    case 'decimalEnclosedFullstop':
      return `${n}.`
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    case 'decimalZero':
      return String(n).padStart(2, '0')
    case 'upperLetter':
    case 'lowerLetter': {
      const s = String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1)
      return format === 'upperLetter' ? s : s.toLowerCase()
    }
    case 'upperRoman':
    case 'lowerRoman': {
      const s = roman(n)
      return format === 'upperRoman' ? s : s.toLowerCase()
    }
    case 'none':
      return ''
    default:
      return String(n)
  }
}

/** 1–9999 in Chinese counting: 十一, 二十, 一百零五. */
function chineseNumber(n: number, digits: string, units: string): string {
  if (!(n > 0 && n < 10000)) return String(n)
  const ds = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  const names = [units[2], units[1], units[0], '']
  let out = ''
  let zero = false
  ds.forEach((d, i) => {
    if (d === 0) {
      if (out) zero = true
      return
    }
    if (zero) out += digits[0]
    zero = false
    out += digits[d]! + names[i]!
  })
  // 十一 rather than 一十一 for 10–19.
  return n >= 10 && n < 20 ? out.slice(1) : out
}

function roman(n: number): string {
  if (!(n > 0 && n < 4000)) return String(n)
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]
  let out = ''
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v)
  return out
}

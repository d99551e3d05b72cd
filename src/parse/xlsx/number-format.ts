/**
 * A number as a spreadsheet shows it, from its value and the cell's number format (ECMA-376
 * Part 1, 18.8.30–18.8.31). Spreadsheet money is a binary float (`415.89000000000004`); what the
 * publisher saw, and what the disclosure states, is the value rounded to the format's decimals.
 * Rounding is done in decimal on the 15 significant digits a spreadsheet keeps, so `1.005` with
 * `0.00` shows `1.01` as Excel shows it, not `1.00` as `toFixed` does.
 *
 * Deliberate departures from the display: a negative number always gets a `-` (a format may
 * show it in red or in parentheses only), currency symbols and other literal text are left out,
 * and `#.00` still prints its leading `0`. The table reader wants the number, not its decoration.
 */

/** Built-in number formats by id (18.8.30), as a zh-CN spreadsheet shows them. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '#,##0;-#,##0',
  6: '#,##0;[Red]-#,##0',
  7: '#,##0.00;-#,##0.00',
  8: '#,##0.00;[Red]-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: 'h"时"mm"分"',
  35: 'h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0;(#,##0)',
  38: '#,##0;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
  42: '_("¥"* #,##0_);_("¥"* (#,##0);_("¥"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
  44: '_("¥"* #,##0.00_);_("¥"* (#,##0.00);_("¥"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
}

/** Split a format code into its sections at `;` outside quotes, brackets and escapes. */
function sections(code: string): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!
    if (ch === '"') {
      const end = code.indexOf('"', i + 1)
      const j = end < 0 ? code.length - 1 : end
      cur += code.slice(i, j + 1)
      i = j
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      cur += code.slice(i, i + 2)
      i++
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1)
      const j = end < 0 ? code.length - 1 : end
      cur += code.slice(i, j + 1)
      i = j
    } else if (ch === ';') {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

/** A section without literals: quoted text, escapes, padding, fills and bracketed colours or conditions removed. */
function bare(section: string): string {
  return section.replace(/"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?/g, '')
}

const isDateSection = (b: string) => /[yYdDhHsS]|[mM]/.test(b) && !/[0#?]/.test(b.replace(/\.0+/g, ''))

/** Format a number with a number format code; `date1904` is the workbook's date system. */
export function formatNumber(value: number, code: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value)
  const secs = sections(code)
  let sec = secs[0] ?? 'General'
  if (value < 0 && secs.length >= 2) sec = secs[1]!
  else if (value === 0 && secs.length >= 3) sec = secs[2]!
  const b = bare(sec)
  if (value === 0 && secs.length >= 3 && !/0/.test(b)) {
    // The zero section of accounting formats prints a dash (`_(* "-"??_)`: `?` and `#` show no digit for a zero), which disclosures read as 0.
    const literal = sec
      .replace(/_.|\*.|\[[^\]]*\]?/g, '')
      .replace(/"([^"]*)"?|\\(.)|[#?,.]/g, (_m, q?: string, e?: string) => q ?? e ?? '')
      .trim()
    return literal === '' ? '0' : literal
  }
  if (/^\s*(?:General)?\s*$/i.test(b) || b.trim() === '@') return general(value)
  if (isDateSection(b)) return formatDate(value, sec, date1904)
  if (/[eE][+-]/.test(b) || /\?\/|\/\?|#\/|\/#/.test(b)) return general(value)
  const percent = b.includes('%')
  const v = Math.abs(value) * (percent ? 100 : 1)
  const num = /[0#?,.]+/.exec(b.replace(/%/g, ''))?.[0] ?? '0'
  const dot = num.indexOf('.')
  const decimals = dot < 0 ? 0 : (num.slice(dot + 1).match(/[0#?]/g) ?? []).length
  const intPart = dot < 0 ? num : num.slice(0, dot)
  const grouping = /[0#?],[0#?]/.test(intPart)
  let s = roundTo(v, decimals)
  if (grouping) s = group(s)
  const negative = value < 0 && /[1-9]/.test(s)
  return (negative ? '-' : '') + s + (percent ? '%' : '')
}

/** General format: the value to 15 significant digits, without trailing zeros. */
export function general(value: number): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  if (abs >= 1e21 || abs < 1e-9) return String(value)
  const [mant, exp] = abs.toExponential(14).split('e') as [string, string]
  const digits = mant.replace('.', '')
  const e = Number(exp)
  let s: string
  if (e >= 14) s = digits + '0'.repeat(e - 14)
  else if (e >= 0) s = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`
  else s = `0.${'0'.repeat(-e - 1)}${digits}`
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  return (value < 0 ? '-' : '') + s
}

/** A non-negative value rounded half away from zero to `decimals` places, in decimal, from its 15 significant digits. */
export function roundTo(abs: number, decimals: number): string {
  const [mant, exp] = abs.toExponential(14).split('e') as [string, string]
  const n = BigInt(mant.replace('.', ''))
  const k = Number(exp) - 14 + decimals
  let scaled: bigint
  if (k >= 0) scaled = n * 10n ** BigInt(k)
  else {
    const div = 10n ** BigInt(-k)
    scaled = n / div
    if ((n % div) * 2n >= div) scaled += 1n
  }
  const str = scaled.toString().padStart(decimals + 1, '0')
  return decimals === 0 ? str : `${str.slice(0, -decimals)}.${str.slice(-decimals)}`
}

function group(s: string): string {
  const [int, frac] = s.split('.') as [string, string | undefined]
  const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return frac === undefined ? g : `${g}.${frac}`
}

/** A serial date (days since 1899-12-30, or 1904-01-01) as the date format shows it. */
function formatDate(serial: number, section: string, date1904: boolean): string {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)
  const ms = Math.round(serial * 86400) * 1000
  const d = new Date(base + ms)
  const Y = d.getUTCFullYear()
  const M = d.getUTCMonth() + 1
  const D = d.getUTCDate()
  const h = d.getUTCHours()
  const mi = d.getUTCMinutes()
  const s = d.getUTCSeconds()
  const ampm = /AM\/PM|A\/P/i.test(section)
  const pad = (n: number) => String(n).padStart(2, '0')
  const tokens = section.match(/"[^"]*"?|\\.|_.|\*.|\[[^\]]*\]?|AM\/PM|am\/pm|A\/P|a\/p|y+|Y+|m+|M+|d+|D+|h+|H+|s+|S+|./g) ?? []
  let out = ''
  let lastWasHour = false
  tokens.forEach((t, i) => {
    const lower = t.toLowerCase()
    if (t.startsWith('"')) out += t.replace(/"/g, '')
    else if (t.startsWith('\\')) out += t.slice(1)
    else if (t.startsWith('_')) out += ' '
    else if (t.startsWith('*') || t.startsWith('[')) {
      // fills and colours print nothing
    } else if (/^(?:am\/pm|a\/p)$/.test(lower)) out += h < 12 ? (lower.length > 3 ? 'AM' : 'A') : lower.length > 3 ? 'PM' : 'P'
    else if (lower[0] === 'y') out += lower.length <= 2 ? pad(Y % 100) : String(Y)
    else if (lower[0] === 'd') out += lower.length === 1 ? String(D) : lower.length === 2 ? pad(D) : String(D)
    else if (lower[0] === 'h') {
      const hh = ampm ? h % 12 || 12 : h
      out += lower.length === 1 ? String(hh) : pad(hh)
      lastWasHour = true
      return
    } else if (lower[0] === 's') out += lower.length === 1 ? String(s) : pad(s)
    else if (lower[0] === 'm') {
      const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x) && !/^(?:am\/pm|a\/p)$/i.test(x))
      const minute = lastWasHour || (next !== undefined && next[0]!.toLowerCase() === 's')
      const v = minute ? mi : M
      out += lower.length === 1 ? String(v) : lower.length === 2 ? pad(v) : String(v)
    } else out += t
    if (/^[a-z]/i.test(t)) lastWasHour = false
  })
  return out
}

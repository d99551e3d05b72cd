/**
 * Character normalisation that keeps every character in its column: full-width ASCII becomes
 * half-width, ideographic and no-break spaces become spaces, and markup (HTML tags, Markdown
 * emphasis and heading marks) becomes spaces of the same length. Positions in the normalised
 * line are therefore positions in the source line.
 */
export function normalizeLine(line: string): string {
  let out = ''
  for (const ch of line) {
    const code = ch.codePointAt(0)!
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0)
    else if (code === 0x3000 || code === 0xa0 || code === 0x2002 || code === 0x2003) out += ' '
    else out += ch
  }
  return out
    .replace(/<\/?[a-zA-Z][^<>]*>/g, (m) => ' '.repeat(m.length))
    .replace(/&nbsp;/g, '      ')
    .replace(/\*\*|__/g, '  ')
    .replace(/^(#{1,6}) /, (m) => ' '.repeat(m.length))
}

/** A label for comparison: no whitespace, no markup, half-width brackets and colon, no list numbering. */
export function normalizeLabel(text: string): string {
  return normalizeLine(text)
    .replace(/\s+/g, '')
    .replace(/^[-*]+/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.](?!\d)|\(\d+\))/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]$/, '')
}

/** Remove all whitespace (names inside row keys are printed with layout breaks: `日常专项业务项 目`). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '')
}

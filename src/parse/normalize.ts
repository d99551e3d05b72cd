/**
 * Character normalisation that keeps every character in its column: full-width ASCII becomes
 * half-width, ideographic and no-break spaces become spaces, and markup (HTML tags, Markdown
 * emphasis and heading marks) becomes spaces of the same length. Positions in the normalised
 * line are therefore positions in the source line.
 */
export function normalizeLine(line: string): string {
  return normalizeText(line)
}

/** `normalizeLine` for a whole text at once (one pass instead of one per line; lines keep their lengths). */
export function normalizeText(text: string): string {
  let out = WIDE.test(text) ? text.replace(WIDE_ALL, narrow) : text
  if (out.includes('<') || out.includes('&')) {
    out = out.replace(/<\/?[a-zA-Z][^<>\n]*>/g, (m) => ' '.repeat(m.length)).replace(/&nbsp;/g, '      ')
  }
  if (out.includes('**') || out.includes('__')) out = out.replace(/\*\*|__/g, '  ')
  if (out.includes('#')) out = out.replace(/^(#{1,6}) /gm, (m) => ' '.repeat(m.length))
  return out
}

const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003]/
const WIDE_ALL = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003]/g

function narrow(ch: string): string {
  const code = ch.charCodeAt(0)
  return code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : ' '
}

/** A label for comparison: no whitespace, no markup, half-width brackets and colon, no list numbering. */
export function normalizeLabel(text: string): string {
  let label = squeeze(normalizeLine(text))
  // Most labels start with a plain word: the prefixes are looked for only after a character that can begin one.
  if (PREFIX_START.test(label)) {
    label = label
      .replace(/^[-*]+/, '')
      .replace(/^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.](?!\d)|\(\d+\))/, '')
      .replace(/^其中[:：]?/, '')
  }
  const last = label.charCodeAt(label.length - 1)
  return last === 58 || last === 0xff1a ? label.slice(0, -1) : label // `:` or `：`
}

/** The first characters of a bullet, a list number or `其中`. */
const PREFIX_START = /^[-*(\d一二三四五六七八九十其]/

/** Remove all whitespace (names inside row keys are printed with layout breaks: `日常专项业务项 目`). */
export function squeeze(text: string): string {
  return HAS_SPACE.test(text) ? text.replace(SPACES, '') : text
}

const HAS_SPACE = /\s/
const SPACES = /\s+/g

/**
 * Sentence punctuation in a normalised line: `。`, and `,` `;` (the full-width `，；` after
 * normalisation) where a comma is not a thousands separator (`1,221.42`, OCR `1, 221. 42`).
 */
export const SENTENCE_PUNCTUATION = /[。；;]|[，,](?! ?\d)/

/**
 * Money as integer fen (分). 1 万元 = 1,000,000 fen, so every figure printed in 万元 with up to six
 * decimals, or in 元 with up to two, is a whole number of fen and sums are exact.
 * Largest safe amount: 2^53 fen ≈ 900 亿万元, far above any department budget.
 */
export type Fen = number


/** Units a table may be printed in. */
export type MoneyUnit = '万元' | '元'

/**
 * Parse a printed decimal (already normalised: no separators, ASCII digits, optional sign) into fen.
 * Returns undefined when the number has more decimals than fen can hold exactly.
 */
export function toFen(decimal: string, unit: MoneyUnit): Fen | undefined {
  // A loop over the digits rather than a regular expression: every table cell passes through here.
  const places = unit === '万元' ? 6 : 2
  const negative = decimal.charCodeAt(0) === 45 // '-'
  let i = negative ? 1 : 0
  let whole = 0
  let digits = 0
  for (; i < decimal.length; i++, digits++) {
    const d = decimal.charCodeAt(i) - 48
    if (d < 0 || d > 9) break
    whole = whole * 10 + d
  }
  if (digits === 0) return undefined
  let decimals = 0
  if (i < decimal.length) {
    if (decimal.charCodeAt(i) !== 46 || i === decimal.length - 1) return undefined // '.' and at least one digit
    for (i++; i < decimal.length; i++, decimals++) {
      const d = decimal.charCodeAt(i) - 48
      if (d < 0 || d > 9 || decimals === places) return undefined
      whole = whole * 10 + d
    }
  }
  for (; decimals < places; decimals++) whole *= 10
  // Exact while below 2^53, which any real budget is; the check refuses the rest.
  const fen = negative ? -whole : whole
  return Number.isSafeInteger(fen) ? fen : undefined
}

/**
 * Format fen as 万元, with at least two decimals and as many more as needed to stay exact
 * (the `facts` contract: `47,483,458` 元 is `4748.3458`).
 */
export function wan(fen: Fen): string {
  const abs = Math.abs(fen)
  // Plain number arithmetic is exact for safe integers; a division that rounds up is corrected below.
  let int = Math.floor(abs / 1_000_000)
  let frac = abs - int * 1_000_000
  if (frac < 0) (int -= 1), (frac += 1_000_000)
  let digits = 6
  while (digits > 2 && frac % 10 === 0) (frac /= 10), digits--
  return `${fen < 0 ? '-' : ''}${int}.${String(frac).padStart(digits, '0')}`
}

/** Fen of one unit in the last printed decimal place of a 万元 figure with two decimals (0.01 万元). */
export const CENT_OF_WAN: Fen = 10_000

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
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal)
  if (!m) return undefined
  const [, sign, int, frac = ''] = m
  const places = unit === '万元' ? 6 : 2
  if (frac.length > places) return undefined
  // Both parts are exact integers below 2^53 for any real budget; the check below refuses the rest.
  const whole = Number(int) * (unit === '万元' ? 1_000_000 : 100) + Number((frac + '000000').slice(0, places))
  const fen = sign ? -whole : whole
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

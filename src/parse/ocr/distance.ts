/** Levenshtein distance, giving up (returning `limit`) once every path costs at least `limit`. */
export function distance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let low = i
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      cur.push(v)
      if (v < low) low = v
    }
    if (low >= limit) return limit
    prev = cur
  }
  return prev[b.length]!
}

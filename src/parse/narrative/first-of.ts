/**
 * What the first of `rules` that matches a text gives, by one pattern instead of a test per rule
 * (most claim subjects and headings match a rule, after a test of each rule before it). At the
 * start of the text, each rule in turn looks ahead over the whole text; an empty group after each
 * says which matched.
 */
export function firstOf<T>(rules: [RegExp, T][]): (text: string) => T | undefined {
  const re = new RegExp(`^(?:${rules.map(([r]) => `(?=[\\s\\S]*?(?:${r.source}))()`).join('|')})`)
  // The k-th group is rule k's, as no rule has a group of its own.
  if (rules.some(([r]) => new RegExp(`${r.source}|`).exec('')!.length > 1)) throw new Error(`firstOf: a rule with a capturing group`)
  // Only the rules' sources are joined: a flag (`i`, `u`) would be lost without a word.
  if (rules.some(([r]) => r.flags !== '')) throw new Error('firstOf: a rule with flags')
  const values = rules.map(([, v]) => v)
  return (text) => {
    const m = re.exec(text)
    if (!m) return undefined
    let k = 1
    while (m[k] === undefined) k++
    return values[k - 1]
  }
}

/**
 * A memo of template vocabulary: what a reader works out from a label's text (a header word's
 * columns, a two-sided line's side), kept across documents. A region's disclosures print the
 * same few hundred labels in every document, so in a batch most lookups hit. Bounded: when it
 * holds `limit` entries it starts again, so memory stays flat over any number of documents.
 */
export class Memo<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(private readonly limit = 4096) {
    memos.add(new WeakRef(this))
  }

  get(key: K): V | undefined {
    return this.entries.get(key)
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.clear()
    this.entries.set(key, value)
    return value
  }

  clear(): void {
    this.entries.clear()
  }
}

/** Every memo made, held weakly: a memo kept per key object (a table spec) goes with its key. */
const memos = new Set<WeakRef<Memo<unknown, unknown>>>()

/** Empty every memo: the next document is read as if it were the first (`npm run bench` reports both). */
export function forgetMemos(): void {
  for (const ref of memos) {
    const memo = ref.deref()
    if (memo) memo.clear()
    else memos.delete(ref)
  }
}

/**
 * OOXML parts as a small element tree, or as a stream of tags for large parts. The tokenizer is
 * written here rather than taken from an HTML/XML library because it must stay linear however
 * deeply a hostile part nests its elements (htmlparser2 and parse5 search their open-element
 * stack on every end tag, which is quadratic: 100,000 nested elements took minutes), and OOXML
 * parts are well-formed XML, which needs far less than an HTML parser does. No DTD is read and
 * no entity beyond the five predefined ones and character references is expanded, so entity
 * expansion attacks have nothing to expand.
 *
 * Names and attribute names lose their namespace prefix (`w:tbl` → `tbl`, `r:id` → `id`):
 * producers are free to choose prefixes, and the parts we read never mix two vocabularies with
 * the same local name in the places we look.
 */
export interface XmlElement {
  /** Local name. */
  name: string
  /** Attributes by local name. */
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

/** Callbacks of the streaming tokenizer. */
export interface XmlHandler {
  /** A start tag (also called for an empty-element tag, followed by onclose). */
  onopen?(name: string, attrs: Record<string, string>): void
  /** Character data, entities decoded. */
  ontext?(text: string): void
  /** An end tag, or the end of an empty-element tag. */
  onclose?(name: string): void
}

const local = (name: string) => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Decode the predefined entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e] ?? m
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : m
  })
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/**
 * Tokenize an XML part in one linear pass. Comments, processing instructions and the DOCTYPE
 * are skipped; CDATA is text. Malformed input never throws: an unterminated construct ends the
 * part there.
 */
export function scanXml(xml: string, h: XmlHandler): void {
  const n = xml.length
  let i = 0
  while (i < n) {
    const lt = xml.indexOf('<', i)
    if (lt < 0) {
      h.ontext?.(decodeEntities(xml.slice(i)))
      return
    }
    if (lt > i) h.ontext?.(decodeEntities(xml.slice(i, lt)))
    const next = xml.charCodeAt(lt + 1)
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4)
        i = end < 0 ? n : end + 3
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9)
        h.ontext?.(xml.slice(lt + 9, end < 0 ? n : end))
        i = end < 0 ? n : end + 3
      } else {
        // <!DOCTYPE …>, possibly with an internal subset in brackets: skipped, never expanded.
        const bracket = xml.indexOf('[', lt)
        const gt = xml.indexOf('>', lt)
        if (bracket >= 0 && gt >= 0 && bracket < gt) {
          const end = xml.indexOf(']>', bracket)
          i = end < 0 ? n : end + 2
        } else i = gt < 0 ? n : gt + 1
      }
      continue
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2)
      i = end < 0 ? n : end + 2
      continue
    }
    // The end of the tag: the first '>' outside quoted attribute values.
    let j = lt + 1
    let quote = 0
    for (; j < n; j++) {
      const c = xml.charCodeAt(j)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 34 || c === 39) quote = c
      else if (c === 62 /* > */) break
    }
    if (j >= n) return
    if (next === 47 /* / */) {
      h.onclose?.(local(xml.slice(lt + 2, j).trim()))
      i = j + 1
      continue
    }
    const selfClosing = xml.charCodeAt(j - 1) === 47
    const body = xml.slice(lt + 1, selfClosing ? j - 1 : j)
    const m = /^[^\s/>]+/.exec(body)
    if (!m) {
      // A stray '<' in text (not well-formed, but keep going).
      h.ontext?.('<')
      i = lt + 1
      continue
    }
    const name = local(m[0])
    const attrs: Record<string, string> = {}
    if (body.length > m[0].length) {
      ATTR.lastIndex = m[0].length
      for (let a = ATTR.exec(body); a; a = ATTR.exec(body)) {
        const key = a[1]!
        if (key === 'xmlns' || key.startsWith('xmlns:')) continue
        attrs[local(key)] = decodeEntities(a[2] ?? a[3] ?? '')
      }
    }
    h.onopen?.(name, attrs)
    if (selfClosing) h.onclose?.(name)
    i = j + 1
  }
}

/** Elements nested deeper than this are dropped: no real document nests so deep, and readers walk the tree recursively. */
export const MAX_DEPTH = 256

/** The synthetic root of a parsed part. */
export interface XmlRoot extends XmlElement {
  /** Some elements were nested beyond MAX_DEPTH and were dropped. */
  tooDeep: boolean
}

/** Parse an XML part into a tree; the returned element is a synthetic root holding the document element. */
export function parseXml(xml: string): XmlRoot {
  const root: XmlRoot = { name: '#root', attrs: {}, children: [], tooDeep: false }
  const stack: XmlElement[] = [root]
  let skip = 0
  scanXml(xml, {
    onopen(name, attrs) {
      if (skip > 0 || stack.length > MAX_DEPTH) {
        skip++
        root.tooDeep = true
        return
      }
      const el: XmlElement = { name, attrs, children: [] }
      stack[stack.length - 1]!.children.push(el)
      stack.push(el)
    },
    ontext(text) {
      if (skip > 0) return
      const top = stack[stack.length - 1]!
      const last = top.children[top.children.length - 1]
      if (typeof last === 'string') top.children[top.children.length - 1] = last + text
      else top.children.push(text)
    },
    onclose() {
      if (skip > 0) skip--
      else if (stack.length > 1) stack.pop()
    },
  })
  return root
}

/** Child elements, optionally only those with the given local name. */
export function elements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) if (typeof c !== 'string' && (name === undefined || c.name === name)) out.push(c)
  return out
}

/** The first child element with the given local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

/** Follow a path of child names. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el
  for (const n of names) cur = child(cur, n)
  return cur
}

/** The concatenated text nodes directly inside an element. */
export function ownText(el: XmlElement): string {
  let s = ''
  for (const c of el.children) if (typeof c === 'string') s += c
  return s
}

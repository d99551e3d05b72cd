import { Parser } from 'htmlparser2'

/**
 * OOXML parts as a small element tree. Names and attribute names lose their namespace prefix
 * (`w:tbl` → `tbl`, `r:id` → `id`): producers are free to choose prefixes, and the parts we read
 * never mix two vocabularies with the same local name in the places we look.
 */
export interface XmlElement {
  /** Local name. */
  name: string
  /** Attributes by local name. */
  attrs: Record<string, string>
  children: XmlNode[]
}
export type XmlNode = XmlElement | string

const local = (name: string) => {
  const i = name.indexOf(':')
  return i < 0 ? name : name.slice(i + 1)
}

/** Parse an XML part into a tree; the returned element is a synthetic root holding the document element. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs: Record<string, string> = {}
        for (const [k, v] of Object.entries(attribs)) if (!k.startsWith('xmlns')) attrs[local(k)] = v
        const el: XmlElement = { name: local(name), attrs, children: [] }
        stack[stack.length - 1]!.children.push(el)
        stack.push(el)
      },
      ontext(text) {
        const top = stack[stack.length - 1]!
        const last = top.children[top.children.length - 1]
        if (typeof last === 'string') top.children[top.children.length - 1] = last + text
        else top.children.push(text)
      },
      onclosetag() {
        if (stack.length > 1) stack.pop()
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
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

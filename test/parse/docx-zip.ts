import { crc32, deflateRawSync } from 'node:zlib'
import { openZip } from '../../src/parse/office/zip.ts'

/** An entry of a hand-built ZIP; `declared` overrides the uncompressed size written in the headers (to build lying zip bombs). */
export interface ZipEntry {
  name: string
  data: Uint8Array
  declared?: number
  /** Deflated data to store as is, for entries too large to deflate in the test. */
  deflated?: Uint8Array
}

/** A ZIP archive built byte by byte (APPNOTE 4.3), so that its headers can lie. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8')
    const body = e.deflated ?? deflateRawSync(e.data)
    const size = e.declared ?? e.data.length
    const crc = crc32(e.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    locals.push(local, name, Buffer.from(body))
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, name)
    offset += 30 + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const eocd = Buffer.alloc(22)
  eocd.writeUInt32LE(0x06054b50, 0)
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 8)
  eocd.writeUInt16LE(Math.min(entries.length, 0xffff), 10)
  eocd.writeUInt32LE(cd.length, 12)
  eocd.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, eocd])
}

/** Rewrite one part of a DOCX/XLSX (read with the reader's own bounded unzip), keeping every other entry. */
export function rezip(bytes: Uint8Array, part: string, change: (xml: string) => string): Buffer {
  const z = openZip('in', bytes, 'DOCX')
  return zip(
    z.names.map((name) => {
      const data = z.bytes(name)!
      return { name, data: name === part ? new TextEncoder().encode(change(new TextDecoder().decode(data))) : data }
    }),
  )
}

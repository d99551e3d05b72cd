import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { outputNames } from '../../src/cli/commands/parse.ts'

const SEED = 'examples/seeds/002_40f9bb7e09049ed6.txt'
const tmp = mkdtempSync(join(tmpdir(), 'yusuan-cli-'))

function yusuan(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['bin/yusuan.js', ...args], { input, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name)
  writeFileSync(p, content)
  return p
}

test('parse --format facts writes the facts CSV of a seed', () => {
  const r = yusuan(['parse', SEED, '--format', 'facts'])
  assert.equal(r.code, 0)
  assert.equal(r.stdout, readFileSync('test/fixtures/seeds/002.facts.csv', 'utf8'))
})

test('several files: one CSV with one header; --out writes one file per input', () => {
  const seeds = readdirSync('examples/seeds').map((f) => join('examples/seeds', f))
  const r = yusuan(['parse', ...seeds, '--format', 'facts'])
  assert.equal(r.code, 0)
  const lines = r.stdout.trim().split('\n')
  assert.equal(lines.filter((l) => l === 'table,row,column,value').length, 1)
  const expected = ['001', '002', '003'].map((id) => readFileSync(`test/fixtures/seeds/${id}.facts.csv`, 'utf8').trim().split('\n').length - 1)
  assert.equal(lines.length - 1, expected.reduce((a, b) => a + b))
  const out = join(tmp, 'out')
  assert.equal(yusuan(['parse', ...seeds, '--out', out]).code, 0)
  assert.deepEqual(readdirSync(out).sort(), seeds.map((s) => s.split('/').pop()!.replace('.txt', '.json')).sort())
  const model = JSON.parse(readFileSync(join(out, '003_69c2207f0ca31962.json'), 'utf8'))
  assert.equal(model.department.value, '库尔勒市人民政府办公室')
})

test('--out never lets one output overwrite another: same name, other format or folder', () => {
  const out = join(tmp, 'out-formats')
  const inputs = ['001.docx', '001.xlsx', '001.html'].map((f) => `test/fixtures/formats/${f}`)
  assert.equal(yusuan(['parse', ...inputs, '--format', 'facts', '--out', out]).code, 0)
  assert.deepEqual(readdirSync(out).sort(), ['001.docx.facts.csv', '001.html.facts.csv', '001.xlsx.facts.csv'])
  // The same facts as the seed (in another order: the seed interleaves its two-sided tables, the fixtures do not).
  const sorted = (f: string) => readFileSync(f, 'utf8').trim().split('\n').sort()
  for (const f of readdirSync(out)) assert.deepEqual(sorted(join(out, f)), sorted('test/fixtures/seeds/001.facts.csv'), f)
  assert.deepEqual(outputNames(['a/001.txt', 'b/001.txt', 'c/002.txt', '-', 'd/001.docx']), ['001.txt', '001.txt-2', '002', 'stdin', '001.docx'])
  // A name an earlier output took by its number is numbered in turn.
  assert.deepEqual(outputNames(['a/001.txt', 'b/001.txt', 'c/001.txt-2']), ['001.txt', '001.txt-2', '001.txt-2-2'])
})

test('- reads standard input', () => {
  const r = yusuan(['parse', '-', '--format', 'facts'], readFileSync(SEED))
  assert.equal(r.code, 0)
  assert.equal(r.stdout, readFileSync('test/fixtures/seeds/002.facts.csv', 'utf8'))
})

test('bad input: a clear message naming the file, exit code 2, nothing on stdout', () => {
  const cases: [string, string, RegExp][] = [
    ['missing', join(tmp, 'nope.txt'), /nope\.txt: 文件不存在/],
    ['empty', file('empty.txt', ''), /empty\.txt: 文件为空/],
    ['binary', file('binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0xff])), /binary\.bin: 不是文本文件/],
    ['not a disclosure', file('poem.txt', '床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n'), /poem\.txt: 不是部门预算公开文件/],
  ]
  for (const [what, path, message] of cases) {
    const r = yusuan(['parse', path])
    assert.equal(r.code, 2, what)
    assert.match(r.stderr, message, what)
    assert.equal(r.stdout, '', what)
  }
})

test('a truncated document is parsed as far as it goes, marked partial, exit code 1', () => {
  const head = readFileSync(SEED, 'utf8').split('\n').slice(0, 180).join('\n')
  const r = yusuan(['parse', file('cut.txt', head)])
  assert.equal(r.code, 1)
  assert.match(r.stderr, /cut\.txt:\d+:\d+: error .*截断/)
  const model = JSON.parse(r.stdout)
  assert.equal(model.partial, true)
  assert.deepEqual(model.tables.map((t: { key: string }) => t.key), ['summary', 'income', 'expenditure'])
})

test('unknown option and unknown format are usage errors (exit 2)', () => {
  assert.equal(yusuan(['parse', SEED, '--format', 'xml']).code, 2)
  assert.equal(yusuan(['parse', SEED, '--bogus']).code, 2)
  assert.equal(yusuan(['frobnicate']).code, 2)
})

test('a PNG that is not an image is refused by parse with the file named (exit 2)', () => {
  const r = yusuan(['parse', file('broken.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))])
  assert.equal(r.code, 2)
  assert.match(r.stderr, /broken\.png: /)
})

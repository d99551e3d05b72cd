import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { before, test } from 'node:test'

// The bundle `npm ci` builds (scripts/build.mjs) is what bin/yusuan.js runs: it must read every
// format exactly as the sources do, with the files it opens beside itself (catalog CSVs, the PDF
// worker). Built into .scratch/, so that dist/, which other tests run through bin/, stays as it is.
const OUT = '.scratch/bundle-test'
before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', OUT], { encoding: 'utf8' })
  assert.equal(build.status, 0, build.stderr)
})

function run(entry: string[], args: string[]) {
  const r = spawnSync(process.execPath, [...entry, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const bundle = (args: string[]) => run([`${OUT}/yusuan.mjs`], args)
const sources = (args: string[]) => run(['--import', 'tsx', 'src/cli/yusuan.ts'], args)

test('the bundle parses text, PDF, DOCX, XLSX and HTML to the same facts as the sources', () => {
  for (const file of ['examples/seeds/003_69c2207f0ca31962.txt', ...['pdf', 'docx', 'xlsx', 'html'].map((ext) => `test/fixtures/formats/003.${ext}`)]) {
    const r = bundle(['parse', file, '--format', 'facts'])
    assert.equal(r.code, 0, `${file}: ${r.stderr}`)
    assert.equal(r.stdout, readFileSync('test/fixtures/seeds/003.facts.csv', 'utf8'), file)
  }
})

test('the bundle audits with the catalogs (code rules need the CSVs) as the sources do', () => {
  const args = ['audit', 'examples/seeds/003_69c2207f0ca31962.txt', '--format', 'json']
  const a = bundle(args)
  const b = sources(args)
  assert.equal(a.code, b.code)
  assert.equal(a.stdout, b.stdout)
  assert.match(a.stdout, /code\/basic-split/)
})

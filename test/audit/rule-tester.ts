import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Diagnostic, Disclosure, Severity } from '../../src/model/index.ts'
import type { Rule } from '../../src/audit/define-rule.ts'
import { audit } from '../../src/audit/engine.ts'

/** A diagnostic a case expects: its message id and where (model path and/or source line). */
export interface Expected {
  messageId: string
  path?: (string | number)[]
  line?: number
  severity?: Severity
}

/** A document the rule must accept: no error and no warning; `infos` lists the notes it must give, exactly. */
export interface ValidCase {
  name: string
  doc: Disclosure
  infos?: Expected[]
}

/** A document the rule must flag: exactly these errors and warnings, in any order. */
export interface InvalidCase {
  name: string
  doc: Disclosure
  errors: Expected[]
}

/** The cases of one rule. */
export interface Cases {
  valid: ValidCase[]
  invalid: InvalidCase[]
}

function matches(d: Diagnostic, e: Expected): boolean {
  if (d.messageId !== e.messageId) return false
  if (e.severity && d.severity !== e.severity) return false
  if (e.path && JSON.stringify(d.path) !== JSON.stringify(e.path)) return false
  if (e.line !== undefined && d.place?.start.line !== e.line) return false
  return true
}

const show = (ds: Diagnostic[]): string =>
  ds.map((d) => `  ${d.severity} ${d.messageId} ${JSON.stringify(d.path)} L${d.place?.start.line ?? '?'}: ${d.message}`).join('\n') || '  (none)'

/** Match expected against actual diagnostics one to one; throws with both lists on a difference. */
export function assertDiagnostics(actual: Diagnostic[], expected: Expected[], what: string): void {
  const left = [...actual]
  const missing: Expected[] = []
  for (const e of expected) {
    const i = left.findIndex((d) => matches(d, e))
    if (i >= 0) left.splice(i, 1)
    else missing.push(e)
  }
  if (missing.length || left.length) {
    assert.fail(`${what}\nexpected but not reported:\n${missing.map((m) => '  ' + JSON.stringify(m)).join('\n') || '  (none)'}\nreported but not expected:\n${show(left)}`)
  }
}

/**
 * ESLint's RuleTester for audit rules: each valid case must raise no error or warning (and exactly
 * the listed infos), each invalid case exactly the listed errors and warnings.
 */
export const ruleTester = {
  run(rule: Rule<string>, cases: Cases): void {
    describe(rule.id, () => {
      for (const c of cases.valid) {
        test(`valid: ${c.name}`, () => {
          const { diagnostics } = audit(c.doc, { rules: [rule], strict: true })
          const serious = diagnostics.filter((d) => d.severity !== 'info')
          assert.equal(serious.length, 0, `unexpected errors or warnings:\n${show(serious)}`)
          if (c.infos) assertDiagnostics(diagnostics, c.infos, 'infos differ')
        })
      }
      for (const c of cases.invalid) {
        test(`invalid: ${c.name}`, () => {
          const { diagnostics } = audit(c.doc, { rules: [rule], strict: true })
          for (const d of diagnostics) {
            assert.equal(d.ruleId, rule.id)
            assert.ok(d.message && !/\{\w+\}/.test(d.message), `message has unfilled placeholders: ${d.message}`)
            const en = audit(c.doc, { rules: [rule], strict: true, lang: 'en' }).diagnostics
            assert.ok(en.every((x) => !/\{\w+\}/.test(x.message)), 'English message has unfilled placeholders')
          }
          assertDiagnostics(diagnostics.filter((d) => d.severity !== 'info'), c.errors, 'errors differ')
        })
      }
    })
  },
}

/** The three unmodified seeds as valid cases. */
export function seedsValid(seed: (id: '001' | '002' | '003') => Disclosure): ValidCase[] {
  return (['001', '002', '003'] as const).map((id) => ({ name: `seed ${id} unmodified`, doc: seed(id) }))
}

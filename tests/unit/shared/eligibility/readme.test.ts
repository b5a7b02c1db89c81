import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RULE_TABLE_END, RULE_TABLE_START, renderRuleTable } from '@shared/eligibility'

// The README's rule table is rendered from shared/eligibility/rules.ts + overrides.ts; this test keeps them equal.
// To regenerate after changing a rule:
//   UPDATE_ELIGIBILITY_README=1 npx vitest run tests/unit/shared/eligibility/readme.test.ts
const README = resolve(import.meta.dirname, '../../../../shared/eligibility/README.md')

describe('shared/eligibility/README.md', () => {
  it('contains exactly the rule table rendered from the code', () => {
    const text = readFileSync(README, 'utf8')
    const start = text.indexOf(RULE_TABLE_START)
    const end = text.indexOf(RULE_TABLE_END)
    expect(start, `README lacks the marker ${RULE_TABLE_START}`).toBeGreaterThanOrEqual(0)
    expect(end, `README lacks the marker ${RULE_TABLE_END}`).toBeGreaterThan(start)
    const current = text.slice(start, end + RULE_TABLE_END.length)
    const expected = renderRuleTable()
    if (current !== expected && process.env.UPDATE_ELIGIBILITY_README === '1') {
      writeFileSync(README, text.slice(0, start) + expected + text.slice(end + RULE_TABLE_END.length))
      return
    }
    expect(
      current,
      'README rule table is out of date: run UPDATE_ELIGIBILITY_README=1 npx vitest run tests/unit/shared/eligibility/readme.test.ts',
    ).toBe(expected)
  })
})

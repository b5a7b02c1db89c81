/** The rule table itself: complete, consistent, and sourced. */
import { describe, expect, it } from 'vitest'
import {
  ENROLLMENT_KINDS,
  OVERRIDE_RULES,
  PLATFORM_RULES,
  REASON_CODES,
  SOURCES,
  SOURCE_IDS,
} from '@shared/eligibility'

describe('rule table', () => {
  it('covers every enrollment kind', () => {
    const covered = new Set(PLATFORM_RULES.map((r) => r.enrollment))
    expect(ENROLLMENT_KINDS.filter((k) => !covered.has(k))).toEqual([])
  })

  it('a version-dependent kind has below / at-least at the same boundary, plus an undetermined row', () => {
    for (const kind of ENROLLMENT_KINDS) {
      const rows = PLATFORM_RULES.filter((r) => r.enrollment === kind)
      if (rows.every((r) => r.when.type === 'any')) {
        expect(rows, kind).toHaveLength(1)
        continue
      }
      const below = rows.find((r) => r.when.type === 'below')
      const atLeast = rows.find((r) => r.when.type === 'atLeast')
      const unknown = rows.find((r) => r.when.type === 'versionUnknown')
      expect(below && atLeast && unknown, kind).toBeTruthy()
      expect(below!.when).toEqual({ ...atLeast!.when, type: 'below' })
      expect(unknown!.verdict).toBe('undetermined')
      expect(unknown!.reasons).toEqual(['osVersionUnknown'])
    }
  })

  it('eligible rows name an action, an outcome and preconditions; others none', () => {
    for (const r of PLATFORM_RULES) {
      if (r.verdict === 'eligible') {
        expect(r.action, r.id).not.toBeNull()
        expect(r.outcome, r.id).not.toBeNull()
        expect(r.preconditions, r.id).toContain('deviceOnline')
      } else {
        expect([r.action, r.outcome, r.preconditions.length], r.id).toEqual([null, null, 0])
      }
    }
  })

  it('Android eligible rows require a passcode policy', () => {
    for (const r of PLATFORM_RULES.filter(
      (x) => x.enrollment.startsWith('android') && x.verdict === 'eligible',
    )) {
      expect(
        r.preconditions.some(
          (p) => p === 'passcodePolicyAssigned' || p === 'workProfilePasscodePolicyAssigned',
        ),
        r.id,
      ).toBe(true)
    }
  })

  it('rule ids are unique and every row is sourced and explained', () => {
    const ids = [...PLATFORM_RULES.map((r) => r.id), ...OVERRIDE_RULES.map((o) => o.id)]
    expect(new Set(ids).size).toBe(ids.length)
    for (const r of [...PLATFORM_RULES, ...OVERRIDE_RULES]) {
      expect(r.sources.length, r.id).toBeGreaterThan(0)
      expect(r.note.length, r.id).toBeGreaterThan(10)
    }
  })

  it('every reason code is reachable from some rule (or is the invalid-record fallback)', () => {
    const used = new Set<string>([
      ...PLATFORM_RULES.flatMap((r) => r.reasons),
      ...OVERRIDE_RULES.map((o) => o.reason),
      'deviceRecordInvalid',
    ])
    expect(REASON_CODES.filter((c) => !used.has(c))).toEqual([])
  })

  it('override values are lower-case (they are compared after lower-casing)', () => {
    for (const o of OVERRIDE_RULES) for (const v of o.values) expect(v).toBe(v.toLowerCase())
  })

  it('every source id has a reference with an https URL', () => {
    for (const id of SOURCE_IDS) {
      expect(SOURCES[id].id).toBe(id)
      expect(SOURCES[id].url).toMatch(/^https:\/\//)
    }
  })
})

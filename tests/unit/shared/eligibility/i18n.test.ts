import { describe, expect, it } from 'vitest'
import {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
  REASON_CODES,
  STALE_SYNC_DAYS,
  VERDICTS,
} from '@shared/eligibility'
import en from '../../../../renderer/src/i18n/en.json'
import fr from '../../../../renderer/src/i18n/fr.json'

const groups = {
  verdict: VERDICTS,
  action: PASSCODE_ACTIONS,
  enrollment: ENROLLMENT_KINDS,
  reason: REASON_CODES,
  precondition: PRECONDITION_CODES,
  outcome: OUTCOME_CODES,
} as const

function lookup(catalogue: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    catalogue,
  )
}

const cases = Object.entries(groups).flatMap(([group, codes]) => codes.map((code) => [group, code] as const))

describe('eligibility i18n coverage', () => {
  it.each(cases)('eligibility.%s.%s has French and English text', (group, code) => {
    for (const [locale, catalogue] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      const value = lookup(catalogue, ['eligibility', group, code])
      expect(typeof value, `${locale}: eligibility.${group}.${code}`).toBe('string')
      expect((value as string).trim().length, `${locale}: eligibility.${group}.${code}`).toBeGreaterThan(0)
      // vue-i18n treats { } @ $ | as message syntax; these strings are plain text.
      expect(value as string, `${locale}: eligibility.${group}.${code}`).not.toMatch(/[{}@$|]/)
    }
  })

  it('has no stale keys for codes that no longer exist', () => {
    for (const catalogue of [fr, en]) {
      for (const [group, codes] of Object.entries(groups)) {
        const keys = Object.keys((lookup(catalogue, ['eligibility', group]) ?? {}) as object)
        expect(keys.sort()).toEqual([...codes].sort())
      }
    }
  })

  it('French reasons are not copies of the English ones', () => {
    const same = REASON_CODES.filter(
      (c) => lookup(fr, ['eligibility', 'reason', c]) === lookup(en, ['eligibility', 'reason', c]),
    )
    expect(same).toEqual([])
  })

  it('the stale-sync text states the threshold the code uses', () => {
    for (const catalogue of [fr, en]) {
      expect(lookup(catalogue, ['eligibility', 'precondition', 'deviceNotSyncedRecently'])).toContain(
        `${STALE_SYNC_DAYS}`,
      )
    }
  })

  it('uses the product wording for the two actions in French', () => {
    expect(lookup(fr, ['eligibility', 'action', 'removePasscode'])).toBe('Supprimer le code secret')
    expect(lookup(fr, ['eligibility', 'action', 'resetPasscode'])).toBe('Réinitialiser le code secret')
  })
})

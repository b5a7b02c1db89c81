import { describe, expect, it } from 'vitest'
import { ACTION_STATES } from '@shared/api/schemas/actions'
import { verificationCheck } from '@shared/api/schemas/settings'
import { PASSCODE_ACTIONS } from '@shared/eligibility/codes'
import { ACTIONS, CHECKS, STATES } from '../../../../../electron/core/history/csv'
import en from '../../../../../renderer/src/i18n/en.json'
import fr from '../../../../../renderer/src/i18n/fr.json'

/**
 * One label per concept everywhere: the CSV core writes says exactly what the History table, the
 * device page and the walkthrough say (core cannot import the renderer's catalogues, so this test
 * is what keeps the two copies equal).
 */
describe('CSV labels are the renderer catalogue labels', () => {
  for (const [locale, catalogue] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it(`${locale}: actions, states and identity checks`, () => {
      for (const a of PASSCODE_ACTIONS) expect(ACTIONS[locale][a]).toBe(catalogue.eligibility.action[a])
      for (const s of ACTION_STATES) expect(STATES[locale][s]).toBe(catalogue.actions.state[s])
      for (const c of verificationCheck.options)
        expect(CHECKS[locale][c]).toBe(catalogue.policy.checks[c].label)
    })
  }
})

/** The tenant's own outcome table (behaviour.ts), checked case by case against the documented matrix. */
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, outcomeFor, resetPasscodeOutcome } from '../../../electron/demo-tenant/behaviour'
import type { DeviceKind, DeviceTraits } from '../../../electron/demo-tenant/types'

const traits = (kind: DeviceKind, patch: Partial<DeviceTraits> = {}): DeviceTraits => ({
  kind,
  unlockTokenValid: true,
  resetTokenActivated: true,
  passcodePolicyAssigned: true,
  checksIn: true,
  ...patch,
})

describe('resetPasscode outcome table', () => {
  const cases: [DeviceKind, string, Partial<DeviceTraits>, string, boolean][] = [
    ['iosDevice', '18.1', {}, 'done', false],
    ['iosDevice', '18.1', { unlockTokenValid: false }, 'failed', false],
    ['iosUserEnrollment', '18.1', {}, 'notSupported', false],
    ['androidDeviceAdministrator', '6.0.1', {}, 'done', true],
    ['androidDeviceAdministrator', '7.0', {}, 'notSupported', false],
    ['androidWorkProfile', '7.1.1', {}, 'notSupported', false],
    ['androidWorkProfile', '8.0.0', {}, 'done', true],
    ['androidWorkProfile', '14', { resetTokenActivated: false }, 'failed', false],
    ['androidWorkProfile', '14', { passcodePolicyAssigned: false }, 'failed', false],
    ['androidCorporateWorkProfile', '15', {}, 'done', true],
    ['androidFullyManaged', '12', {}, 'done', true],
    ['androidFullyManaged', '12', { passcodePolicyAssigned: false }, 'failed', false],
    ['androidDedicated', '11', {}, 'done', true],
    ['androidAospUserAssociated', '12', {}, 'done', true],
    ['androidAospUserless', '11', {}, 'done', true],
    ['windows', '10.0.22631.4317', {}, 'notSupported', false],
    ['macos', '14.6.1 (23G93)', {}, 'notSupported', false],
    ['linux', '24.04', {}, 'notSupported', false],
  ]
  for (const [kind, version, patch, state, secret] of cases) {
    it(`${kind} ${version} ${JSON.stringify(patch)} → ${state}`, () => {
      const o = resetPasscodeOutcome(traits(kind, patch), version)
      expect(o.state).toBe(state)
      expect(o.returnsSecret).toBe(secret)
      expect(o.errorCode === 0).toBe(state === 'done')
    })
  }

  it('the token-not-activated failure has its own error code', () => {
    expect(
      resetPasscodeOutcome(traits('androidWorkProfile', { resetTokenActivated: false }), '13').errorCode,
    ).toBe(ERROR_CODES.resetTokenNotActivated)
  })

  it('retire/wipe/delete pending cancel other actions; a silent device keeps them pending', () => {
    expect(outcomeFor('resetPasscode', traits('androidWorkProfile'), '14', 'wipePending').state).toBe(
      'canceled',
    )
    expect(outcomeFor('remoteLock', traits('iosDevice'), '18', 'retirePending').state).toBe('canceled')
    expect(outcomeFor('resetPasscode', traits('iosDevice', { checksIn: false }), '18', 'managed').state).toBe(
      'pending',
    )
    expect(outcomeFor('remoteLock', traits('macos'), '14', 'managed')).toMatchObject({
      state: 'done',
      returnsSecret: true,
    })
  })
})

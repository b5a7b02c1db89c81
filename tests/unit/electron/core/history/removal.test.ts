import { describe, expect, it } from 'vitest'
import { latestRemovalRequest } from '../../../../../electron/core/history/removal'

const audit = (over: Record<string, unknown>) => ({
  managedDeviceId: 'DEV-1',
  action: 'factoryReset',
  requestDateTime: '2026-12-01T09:00:00Z',
  initiatedByUserPrincipalName: 'priya.shah@contoso.fr',
  actionState: 'pending',
  ...over,
})

describe('latestRemovalRequest (remoteActionAudits, domain §3.2)', () => {
  it('finds the pending wipe of one device, case-insensitively, with who and when', () => {
    expect(latestRemovalRequest([audit({}), audit({ managedDeviceId: 'other' })], 'dev-1')).toEqual({
      action: 'wipe',
      requestedBy: 'priya.shah@contoso.fr',
      requestedAt: '2026-12-01T09:00:00Z',
      state: 'pending',
    })
  })

  it('keeps the latest request and maps Retire', () => {
    const r = latestRemovalRequest(
      [audit({}), audit({ action: 'removeCompanyData', requestDateTime: '2026-12-01T10:00:00Z' })],
      'DEV-1',
    )
    expect(r?.action).toBe('retire')
  })

  it('ignores finished requests, other actions and junk', () => {
    expect(
      latestRemovalRequest(
        [
          audit({ actionState: 'done' }),
          audit({ action: 'resetPasscode' }),
          audit({ requestDateTime: 'not a date' }),
          null,
          'x',
        ],
        'DEV-1',
      ),
    ).toBeNull()
  })
})

import { describe, expect, it } from 'vitest'
import { normalizeManagedDevice, singleDeviceOf } from '../../../../../electron/core/graph/normalize'
import { toDeviceRecord } from '../../../../../electron/core/store/device-record'
import { graphFixture } from '../../../../fixtures/graph/load'

/** Data quirks of real tenants, normalised at the Graph boundary (domain §9). */
describe('normalizeManagedDevice', () => {
  const quirky = normalizeManagedDevice(graphFixture('managed-device-quirks.json').body) as Record<
    string,
    unknown
  >

  it('reads booleans sent as strings, "null" strings and sentinel dates', () => {
    expect(quirky.isSupervised).toBe(true)
    expect(quirky.isEncrypted).toBe(false)
    expect(quirky.azureADRegistered).toBeNull()
    expect(quirky.userPrincipalName).toBeNull()
    expect(quirky.lastSyncDateTime).toBeNull()
    expect(quirky.managementCertificateExpirationDate).toBeNull()
    expect(quirky.enrolledDateTime).toBe('2024-03-02T08:15:00Z')
  })

  it('normalises the dates of action results too, keeping unknown states as sent', () => {
    const [result] = quirky.deviceActionResults as Record<string, unknown>[]
    expect(result!.lastUpdatedDateTime).toBeNull()
    expect(result!.actionState).toBe('awaitingAdminAction')
  })

  it('leaves strings that only look like booleans alone outside boolean properties', () => {
    const out = normalizeManagedDevice({ id: 'a', deviceName: 'true', notes: 'false' }) as Record<
      string,
      unknown
    >
    expect(out.deviceName).toBe('true')
    expect(out.notes).toBe('false')
  })

  it('a cached row sees a supervised device that never checked in', () => {
    const record = toDeviceRecord(
      graphFixture('managed-device-quirks.json').body,
      'beta',
      '2026-06-02T10:00:00Z',
    )!
    expect(record.is_supervised).toBe(1)
    expect(record.last_sync_date_time).toBeNull()
    expect(record.user_principal_name).toBeNull()
    // Supervised iOS with an ADE type: the rules can now decide.
    expect(record.verdict).toBe('eligible')
  })
})

describe('singleDeviceOf', () => {
  it('accepts the device wrapped in value, as Microsoft’s GET example shows', () => {
    const device = singleDeviceOf(graphFixture('managed-device-get-value-wrapped.json').body) as Record<
      string,
      unknown
    >
    expect(device.id).toBe('705c034c-034c-705c-4c03-5c704c035c70')
    expect(Array.isArray(device.deviceActionResults)).toBe(true)
  })

  it('keeps a live (unwrapped) device and refuses to take a list for a device', () => {
    expect(singleDeviceOf({ id: 'x', value: { id: 'y' } })).toEqual({ id: 'x', value: { id: 'y' } })
    const list = { value: [{ id: 'a' }, { id: 'b' }] }
    expect(singleDeviceOf(list)).toBe(list)
  })
})

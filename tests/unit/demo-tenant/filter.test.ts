import { describe, expect, it } from 'vitest'
import {
  evaluate,
  FilterError,
  MANAGED_DEVICE_FILTER,
  parseFilter,
} from '../../../electron/demo-tenant/filter'

const match = (filter: string, device: Record<string, unknown>): boolean =>
  evaluate(parseFilter(filter, MANAGED_DEVICE_FILTER), (p) => device[p], MANAGED_DEVICE_FILTER)

describe('$filter subset', () => {
  const d = {
    operatingSystem: 'iOS',
    deviceName: "iPhone d'Hélène",
    complianceState: 'compliant',
    lastSyncDateTime: '2026-11-01T10:00:00Z',
    managedDeviceOwnerType: 'company',
  }

  it('eq / or / and / not / parentheses, case-insensitive', () => {
    expect(match("operatingSystem eq 'ios'", d)).toBe(true)
    expect(match("operatingSystem eq 'Android' or complianceState eq 'compliant'", d)).toBe(true)
    expect(match("(operatingSystem eq 'iOS') and not (complianceState eq 'compliant')", d)).toBe(false)
    expect(match("deviceName eq 'iPhone d''Hélène'", d)).toBe(true)
  })

  it('dates with lt/gt', () => {
    expect(match('lastSyncDateTime gt 2026-10-31T00:00:00Z', d)).toBe(true)
    expect(match('lastSyncDateTime lt 2026-10-31T00:00:00Z', d)).toBe(false)
  })

  it('reproduces Graph quirks', () => {
    expect(match("startswith(deviceName,'Hélène')", d)).toBe(true) // contains, not startswith
    expect(match("startswith(deviceName,'zzz') or startswith(deviceName,'iPhone')", d)).toBe(false) // only the first counts
    expect(match("operatingSystem ne 'iOS'", d)).toBe(true) // ne acts as eq
    expect(match("managedDeviceOwnerType ne 'company'", d)).toBe(true)
    expect(match("complianceState ne 'compliant'", d)).toBe(false)
    expect(match("deviceEnrollmentType eq 'whatever'", d)).toBe(true) // ignored
  })

  it('rejects what Graph rejects', () => {
    for (const f of [
      "osVersion eq '1'",
      "contains(deviceName,'a')",
      "operatingSystem gt 'a'",
      "operatingSystem eq 'iOS' and",
      'lastSyncDateTime gt 2026-13-45T00:00:00Z',
      "operatingSystem eq 'x",
    ]) {
      expect(() => parseFilter(f, MANAGED_DEVICE_FILTER), f).toThrow(FilterError)
    }
  })
})

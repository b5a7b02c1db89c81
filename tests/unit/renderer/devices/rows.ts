import type { DeviceRow } from '@shared/api/schemas/devices'

export function row(id: string, deviceName = id): DeviceRow {
  return {
    id,
    deviceName,
    userPrincipalName: `${id}@contoso.fr`,
    userDisplayName: 'Hélène Durand',
    operatingSystem: 'iOS',
    osVersion: '18.1',
    model: 'iPhone 15',
    manufacturer: 'Apple',
    serialNumber: 'F2L000',
    ownership: 'company',
    complianceState: 'compliant',
    lastSyncDateTime: '2026-11-26T10:00:00Z',
    enrollmentKind: 'iosDeviceEnrollment',
    verdict: 'eligible',
    action: 'removePasscode',
  }
}

export function rows(prefix: string, from: number, count: number): DeviceRow[] {
  return Array.from({ length: count }, (_, i) => row(`${prefix}-${from + i}`))
}

export const ok = <T>(value: T) => ({ ok: true as const, value })

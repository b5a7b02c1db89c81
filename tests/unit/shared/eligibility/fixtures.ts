import type { DeviceFacts } from '@shared/eligibility'

/** Graph records carry more than the rules read; the extra properties must be accepted and ignored. */
export type GraphRecord = DeviceFacts & { readonly id?: string; readonly deviceName?: string }

/** A beta managedDevice record as Graph returns it, with sensible defaults for a managed device. */
export function beta(overrides: DeviceFacts): GraphRecord {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    deviceName: 'test-device',
    managementState: 'managed',
    managementAgent: 'mdm',
    ownerType: 'company',
    managedDeviceOwnerType: 'company',
    joinType: 'unknown',
    isSupervised: false,
    lastSyncDateTime: '2026-11-25T08:00:00Z',
    ...overrides,
  }
}

/** A v1.0 record: no deviceType, ownerType or joinType; Android Enterprise enrollment types read "unknownFutureValue". */
export function v1(overrides: DeviceFacts): GraphRecord {
  return {
    id: '00000000-0000-0000-0000-000000000002',
    deviceName: 'test-device',
    managementState: 'managed',
    managementAgent: 'mdm',
    managedDeviceOwnerType: 'company',
    isSupervised: false,
    lastSyncDateTime: '2026-11-25T08:00:00Z',
    ...overrides,
  }
}

import type { FailureFacts } from '@shared/api/schemas/failure-facts'

/** The audit log as core reports it after a read that found nothing (30 days before readAt). */
export const AUDIT_READ_NOTHING: FailureFacts['audit'] = {
  status: 'read',
  since: '2026-10-27T12:00:00.000Z',
  readAt: '2026-11-26T12:00:00.000Z',
  deviceFailures: [],
  tenantFailures: [],
}

/**
 * `devices:failureFacts` for one device with nothing to worry about (checked in an hour before
 * the read, policy assigned, no failures, audit read and empty); a test overrides what it is about.
 */
export function failureFacts(partial: Partial<FailureFacts> = {}): FailureFacts {
  return {
    deviceId: 'd1',
    action: 'resetPasscode',
    lastCheckIn: '2026-11-26T11:00:00.000Z',
    readAt: '2026-11-26T12:00:00.000Z',
    outOfScope: false,
    passcodePolicy: 'assigned',
    deviceFailures: [],
    tenantFailures: [],
    approvalRequired: null,
    audit: AUDIT_READ_NOTHING,
    ...partial,
  }
}

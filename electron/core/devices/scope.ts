import type Database from 'better-sqlite3'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import type { CodedError } from '@shared/errors'
import { createScopeDenials, type ScopeDenial } from '../store/scope-denials'

/**
 * "Outside your Intune scope" (domain §9 scope tags): Intune answers 404 ResourceNotFound "Resource
 * does not contain a tag allowed by the current role" for a device the agent's role cannot see. The
 * device exists, so its row stays; the mark carries the support IDs of the refusal.
 */
export function markOutOfScope(
  db: Database.Database,
  deviceId: string,
  error: CodedError,
  agentUpn: string,
  now: number,
): void {
  const text = (key: string) => {
    const value = error.detail?.[key]
    return typeof value === 'string' ? value : null
  }
  createScopeDenials(db).mark({
    deviceId,
    agentUpn,
    deniedAt: new Date(now).toISOString(),
    requestId: text('requestId'),
    activityId: text('activityId'),
  })
}

export function withScope(detail: DeviceDetail, denial: ScopeDenial | null): DeviceDetail {
  if (!denial) return detail
  return {
    ...detail,
    outOfScope: {
      agentUpn: denial.agentUpn,
      deniedAt: denial.deniedAt,
      requestId: denial.requestId,
      activityId: denial.activityId,
    },
  }
}

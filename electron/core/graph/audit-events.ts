/**
 * Reading Intune's audit events (`GET /deviceManagement/auditEvents`, v1.0): the auditEvent resource
 * has `activityType`, `activityResult`, `activityDateTime`, `category`, `correlationId`, `actor` and
 * `resources[]` (`resourceId`, `displayName`, `auditResourceType`) — all strings, no documented
 * values (learn.microsoft.com/graph/api/resources/intune-auditing-auditevent). The list page
 * documents no `$filter` (learn.microsoft.com/graph/api/intune-auditing-auditevent-list); public
 * code filters on `activityDateTime` only and matches the rest client-side (domain §3.1).
 */

const squash = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[\s_]/g, '').toLowerCase() : ''

export const auditText = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null

/** The activity's name: activityType ("ResetPasscode ManagedDevice"), else activity, else displayName. */
export function auditActivity(event: Readonly<Record<string, unknown>>): string {
  return auditText(event.activityType) ?? auditText(event.activity) ?? auditText(event.displayName) ?? ''
}

/**
 * A passcode request: Azure Monitor names it "ResetPasscode ManagedDevice" and Graph's activityType
 * is likely the same (domain §3.1, unconfirmed); the one Graph action covers iOS removal too.
 */
export function isPasscodeActivity(event: Readonly<Record<string, unknown>>): boolean {
  return squash(auditActivity(event)).includes('resetpasscode')
}

/** The managed devices an event names (resources[].resourceId), in order. */
export function auditDeviceIds(event: Readonly<Record<string, unknown>>): string[] {
  const resources = Array.isArray(event.resources) ? (event.resources as unknown[]) : []
  const ids: string[] = []
  for (const r of resources) {
    if (!r || typeof r !== 'object') continue
    const id = auditText((r as Record<string, unknown>).resourceId)
    if (id) ids.push(id)
  }
  return ids
}

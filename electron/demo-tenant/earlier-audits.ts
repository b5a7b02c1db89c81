/**
 * Earlier passcode requests that did not succeed on some scenario devices, as Intune's audit log
 * (auditEvents, v1.0) keeps them: `activityType` "ResetPasscode ManagedDevice" (domain §3.1), an
 * `activityResult` other than "Success", the device in `resources[]` (auditEvent resource page,
 * learn.microsoft.com/graph/api/resources/intune-auditing-auditevent). Sent by a colleague who cannot
 * sign in here, days before the reference time, so that "before the click" has the tenant's earlier
 * failures to find on a fresh demo; like removals.ts, only scenario devices, at fixed times, so tests
 * can rely on them. They are audit records only: the devices' deviceActionResults do not show them.
 */
import { guidFrom } from './generator'
import { SCENARIOS } from './scenarios'
import type { TenantStore } from './store'
import type { ScenarioName } from './types'

/** Per scenario: days before the reference time and the result Intune wrote. */
export const EARLIER_FAILED_REQUESTS: Partial<
  Readonly<Record<ScenarioName, readonly { readonly daysAgo: number; readonly result: string }[]>>
> = {
  iosBadUnlockToken: [
    { daysAgo: 9, result: 'Failure' },
    { daysAgo: 2, result: 'Failure' },
  ],
  workProfileTokenNotActivated: [{ daysAgo: 4, result: 'Failure' }],
}

export function earlierAuditEvents(store: TenantStore, initiatedBy: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  SCENARIOS.forEach((scenario, index) => {
    const requests = EARLIER_FAILED_REQUESTS[scenario.name]
    if (!requests || index >= store.ctx.count || !store.exists(index)) return
    const device = store.device(index, store.ctx.now)
    requests.forEach((r, n) => {
      const id = guidFrom(store.ctx.seed, index, n, 0xea1e)
      out.push({
        '@odata.type': '#microsoft.graph.auditEvent',
        id,
        displayName: 'resetPasscode ManagedDevice',
        componentName: 'DeviceActions',
        actor: {
          auditActorType: 'ItPro',
          userPermissions: ['*'],
          applicationId: null,
          applicationDisplayName: 'Microsoft Intune',
          userPrincipalName: initiatedBy,
          servicePrincipalName: null,
          ipAddress: '10.20.0.14',
          userId: guidFrom(store.ctx.seed, 0xea1e),
        },
        activity: 'resetPasscode',
        activityDateTime: new Date(store.ctx.now - r.daysAgo * 86_400_000).toISOString(),
        activityType: 'ResetPasscode ManagedDevice',
        activityOperationType: 'Action',
        activityResult: r.result,
        correlationId: guidFrom(store.ctx.seed, index, n, 0xc0e1),
        resources: [
          {
            displayName: device.deviceName,
            modifiedProperties: [],
            auditResourceType: 'ManagedDevice',
            resourceId: device.id,
          },
        ],
        category: 'Device',
      })
    })
  })
  return out
}

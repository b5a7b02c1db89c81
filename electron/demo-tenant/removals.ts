/**
 * Wipe requests already waiting on scenario devices whose managementState is wipePending, as Intune's
 * "Device actions" list (remoteActionAudits, beta, domain §3.2) shows them: the remoteAction member for
 * Wipe is `factoryReset`, still `pending` while the device has not checked in. Only scenario devices get
 * one, so tests can find "who asked and when" deterministically; a generated wipePending device has none
 * (a real tenant may have lost or never exposed the record too).
 */
import { guidFrom } from './generator'
import { SCENARIOS } from './scenarios'
import type { TenantStore } from './store'

/** Requested a few hours before the reference time: recent enough to matter to the agent. */
const REQUESTED_HOURS_AGO = 3

export function removalAudits(store: TenantStore, initiatedBy: string): readonly Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  SCENARIOS.forEach((scenario, index) => {
    if (scenario.managementState !== 'wipePending' || index >= store.ctx.count) return
    const device = store.device(index, store.ctx.now)
    out.push({
      '@odata.type': '#microsoft.graph.remoteActionAudit',
      id: guidFrom(store.ctx.seed, index, 0x3e1e),
      deviceDisplayName: device.deviceName,
      userName: String(device.userPrincipalName ?? ''),
      initiatedByUserPrincipalName: initiatedBy,
      action: 'factoryReset',
      requestDateTime: new Date(store.ctx.now - REQUESTED_HOURS_AGO * 3_600_000).toISOString(),
      deviceOwnerUserPrincipalName: String(device.userPrincipalName ?? ''),
      deviceIMEI: String(device.imei ?? ''),
      actionState: 'pending',
      managedDeviceId: device.id,
      deviceActionDetails: [],
      deviceActionCategory: 'single',
      bulkDeviceActionId: '',
    })
  })
  return out
}

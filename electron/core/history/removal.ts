import type { RemovalRequest } from '@shared/api/schemas/history'

/**
 * The latest wipe, retire or delete Intune recorded for one device (remoteActionAudits, beta, domain §3.2).
 * `factoryReset` is the Wipe action and `removeCompanyData` the Retire action in the remoteAction enum.
 * A finished request (done, failed, canceled) no longer threatens the device, so it is not returned.
 * The server-side filter on this endpoint is unconfirmed (domain §3.2): matching is done here.
 */
const ACTIONS: Readonly<Record<string, NonNullable<RemovalRequest['request']>['action']>> = {
  factoryreset: 'wipe',
  wipe: 'wipe',
  removecompanydata: 'retire',
  retire: 'retire',
  delete: 'delete',
}
const FINISHED = new Set(['done', 'failed', 'canceled', 'notsupported'])

const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null)

export function latestRemovalRequest(
  audits: readonly unknown[],
  deviceId: string,
): RemovalRequest['request'] {
  const wanted = deviceId.toLowerCase()
  let best: NonNullable<RemovalRequest['request']> | null = null
  for (const item of audits) {
    if (!item || typeof item !== 'object') continue
    const a = item as Record<string, unknown>
    if (str(a.managedDeviceId)?.toLowerCase() !== wanted) continue
    const action = ACTIONS[(str(a.action) ?? '').toLowerCase()]
    const at = str(a.requestDateTime)
    if (!action || !at || Number.isNaN(Date.parse(at))) continue
    const state = str(a.actionState)
    if (state && FINISHED.has(state.toLowerCase())) continue
    if (!best || Date.parse(at) > Date.parse(best.requestedAt)) {
      best = { action, requestedBy: str(a.initiatedByUserPrincipalName), requestedAt: at, state }
    }
  }
  return best
}

import type { ActionRecord } from '@shared/api/schemas/actions'
import type { TeamEntry } from '@shared/api/schemas/history'
import type { PasscodeAction } from '@shared/eligibility/codes'
import { auditActivity, isPasscodeActivity } from '../graph/audit-events'

/** The cached device's passcode action (iOS/iPadOS: remove; Android: reset), null when unknown. */
export type DeviceAction = (deviceId: string) => PasscodeAction | null
const unknownAction: DeviceAction = () => null

/**
 * The team timeline (domain §3): this app's own actions plus every agent's passcode actions
 * Intune recorded — `remoteActionAudits` ("what Device actions shows", beta) and `auditEvents` (the
 * compliance log). An Intune record of one of our own actions is folded into our row, not repeated.
 */

/** How far apart our POST and Intune's record of it may be and still be the same action. */
const SAME_ACTION_MS = 5 * 60_000

const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null)
const squash = (value: unknown) =>
  typeof value === 'string' ? value.replace(/[\s_]/g, '').toLowerCase() : ''

function within(at: string | null, from: number, to: number): boolean {
  const ms = at ? Date.parse(at) : NaN
  return Number.isFinite(ms) && ms >= from && ms < to
}

export function localEntries(rows: readonly ActionRecord[]): TeamEntry[] {
  return rows.map((r) => ({
    key: `local:${r.id}`,
    source: 'local',
    at: r.sentAt ?? r.requestedAt,
    deviceId: r.deviceId,
    deviceName: r.deviceName,
    agentUpn: r.agentUpn,
    activity: r.action,
    action: r.action,
    state: r.state,
    ticketReference: r.ticketReference,
    mine: true,
    localActionId: r.id,
  }))
}

/** remoteActionAudits with action resetPasscode (domain §3.2; the enum member covers iOS removal too). */
export function remoteAuditEntries(
  audits: readonly unknown[],
  from: number,
  to: number,
  deviceAction: DeviceAction = unknownAction,
): TeamEntry[] {
  const out: TeamEntry[] = []
  for (const item of audits) {
    if (!item || typeof item !== 'object') continue
    const a = item as Record<string, unknown>
    if (squash(a.action) !== 'resetpasscode') continue
    const at = str(a.requestDateTime)
    if (!within(at, from, to)) continue
    const deviceId = str(a.managedDeviceId)
    out.push({
      key: `rau:${str(a.id) ?? out.length}`,
      source: 'remoteActionAudit',
      at: at!,
      deviceId,
      deviceName: str(a.deviceDisplayName),
      agentUpn: str(a.initiatedByUserPrincipalName),
      activity: 'resetPasscode',
      action: deviceId ? deviceAction(deviceId) : null,
      state: str(a.actionState),
      ticketReference: null,
      mine: false,
      localActionId: null,
    })
  }
  return out
}

/** auditEvents whose activity is a passcode reset ("ResetPasscode ManagedDevice", domain §3.1 — unconfirmed). */
export function auditEventEntries(
  eventsIn: readonly unknown[],
  from: number,
  to: number,
  deviceAction: DeviceAction = unknownAction,
): TeamEntry[] {
  const out: TeamEntry[] = []
  for (const item of eventsIn) {
    if (!item || typeof item !== 'object') continue
    const e = item as Record<string, unknown>
    if (!isPasscodeActivity(e)) continue
    const activity = auditActivity(e)
    const at = str(e.activityDateTime)
    if (!within(at, from, to)) continue
    const actor = (e.actor && typeof e.actor === 'object' ? e.actor : {}) as Record<string, unknown>
    const resources = Array.isArray(e.resources) ? (e.resources as Record<string, unknown>[]) : []
    const device = resources.find((r) => r && typeof r === 'object') ?? {}
    const deviceId = str(device.resourceId)
    out.push({
      key: `audit:${str(e.id) ?? out.length}`,
      source: 'auditEvent',
      at: at!,
      deviceId,
      deviceName: str(device.displayName),
      agentUpn: str(actor.userPrincipalName),
      activity,
      action: deviceId ? deviceAction(deviceId) : null,
      state: str(e.activityResult),
      ticketReference: null,
      mine: false,
      localActionId: null,
    })
  }
  return out
}

/**
 * One timeline, newest first. A remote entry for the same device, by the same agent, within a few
 * minutes of one of our rows is that row seen from Intune: it is dropped and the local row stays
 * (it has the ticket and the note). Audit events are kept unless they duplicate a remote entry or ours.
 */
export function mergeTimeline(local: readonly TeamEntry[], remote: readonly TeamEntry[]): TeamEntry[] {
  const out = [...local]
  const claimed = new Set<string>()
  const sameAction = (a: TeamEntry, b: TeamEntry) =>
    a.deviceId !== null &&
    a.deviceId === b.deviceId &&
    (a.agentUpn ?? '').toLowerCase() === (b.agentUpn ?? '').toLowerCase() &&
    Math.abs(Date.parse(a.at) - Date.parse(b.at)) <= SAME_ACTION_MS
  const kept: TeamEntry[] = []
  for (const entry of [...remote].sort((a, b) =>
    a.source === b.source ? 0 : a.source === 'remoteActionAudit' ? -1 : 1,
  )) {
    const mine = local.find((l) => !claimed.has(`${l.key}|${entry.source}`) && sameAction(l, entry))
    if (mine) {
      claimed.add(`${mine.key}|${entry.source}`)
      continue
    }
    if (
      entry.source === 'auditEvent' &&
      kept.some((k) => k.source === 'remoteActionAudit' && sameAction(k, entry))
    )
      continue
    kept.push(entry)
  }
  out.push(...kept)
  return out.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.key.localeCompare(b.key))
}

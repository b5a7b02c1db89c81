/**
 * The demo tenant's issued actions as records, and as Graph shows them (deviceActionResults,
 * auditEvents, remoteActionAudits): states computed from timestamps on read (store.ts keeps them).
 */
import { randomInt } from 'node:crypto'
import type { Outcome, RemoteActionName } from './behaviour'
import { guidFrom } from './generator'

/** Simulated durations in ms at timeScale 1 (a device picks a command up, then reports). */
export const PICKUP_MS = 2_000
export const COMPLETE_MS = 5_000

export interface ActionRecord {
  readonly id: string
  readonly deviceId: string
  readonly action: RemoteActionName
  readonly initiatedBy: string
  readonly requestedAt: number
  /** Mutable only for a pending action whose silent device starts checking in (patchTraits). */
  pickupAt: number
  completeAt: number
  outcome: Outcome
  secret: string | null
  /** Snapshot of device fields for the audit (the device may be removed later). */
  readonly deviceDisplayName: string
  readonly deviceOwnerUserPrincipalName: string
  readonly deviceIMEI: string
}

export interface AuditRecord {
  readonly id: string
  readonly at: number
  readonly json: Record<string, unknown>
}

export type LiveState = 'pending' | 'active' | 'done' | 'failed' | 'notSupported' | 'canceled'

export function liveState(a: ActionRecord, now: number): LiveState {
  const final = a.outcome.state
  if (final === 'pending') return 'pending'
  if (now >= a.completeAt) return final
  if (now >= a.pickupAt && (final === 'done' || final === 'failed')) return 'active'
  return 'pending'
}

export function lastUpdated(a: ActionRecord, now: number): number {
  if (now >= a.completeAt && a.outcome.state !== 'pending') return a.completeAt
  if (now >= a.pickupAt && a.outcome.state !== 'pending') return a.pickupAt
  return a.requestedAt
}

export const iso = (ms: number): string => new Date(ms).toISOString()

/** Temporary passcodes: Intune's are short and sometimes alphanumeric (memdocs issue #4405). */
export function makeSecret(action: RemoteActionName, h: number): string {
  if (action === 'remoteLock') return String(100000 + randomInt(900000))
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  let s = ''
  for (let i = 0; i < 8; i++) s += alphabet[randomInt(alphabet.length)]
  return h % 3 === 0 ? String(10_000_000 + randomInt(89_999_999)) : s
}

export function actionResultJson(a: ActionRecord, now: number): Record<string, unknown> {
  const state = liveState(a, now)
  const base = {
    actionName: a.action,
    actionState: state,
    startDateTime: iso(a.requestedAt),
    lastUpdatedDateTime: iso(lastUpdated(a, now)),
  }
  if (a.action === 'resetPasscode') {
    return {
      '@odata.type': '#microsoft.graph.resetPasscodeActionResult',
      ...base,
      // The passcode appears only once the device has reported success.
      passcode: state === 'done' ? a.secret : null,
      errorCode: state === 'done' || state === 'pending' || state === 'active' ? 0 : a.outcome.errorCode,
    }
  }
  if (a.action === 'remoteLock') {
    return {
      '@odata.type': '#microsoft.graph.remoteLockActionResult',
      ...base,
      unlockPin: state === 'done' ? a.secret : null,
    }
  }
  return { '@odata.type': '#microsoft.graph.deviceActionResult', ...base }
}

/** Audit activity types as Azure Monitor's IntuneAuditLogs names them (domain §3.1). */
const ACTIVITY: Record<RemoteActionName, string> = {
  resetPasscode: 'ResetPasscode ManagedDevice',
  remoteLock: 'RemoteLock ManagedDevice',
  syncDevice: 'SyncDevice ManagedDevice',
}

export function auditEventFor(
  a: ActionRecord,
  device: Record<string, unknown>,
  agent: { upn: string; objectId: string },
  clientId: string,
  seed: number,
  n: number,
): AuditRecord {
  const id = guidFrom(seed, n, 0xa0d17)
  return {
    id,
    at: a.requestedAt,
    json: {
      '@odata.type': '#microsoft.graph.auditEvent',
      id,
      displayName: `${a.action} ManagedDevice`,
      componentName: 'DeviceActions',
      actor: {
        auditActorType: 'ItPro',
        userPermissions: ['*'],
        applicationId: clientId,
        applicationDisplayName: 'Passcode Desk',
        userPrincipalName: agent.upn,
        servicePrincipalName: null,
        ipAddress: '127.0.0.1',
        userId: agent.objectId,
      },
      activity: a.action,
      activityDateTime: iso(a.requestedAt),
      activityType: ACTIVITY[a.action],
      activityOperationType: 'Action',
      activityResult: 'Success',
      correlationId: guidFrom(seed, n, 0xc0e),
      resources: [
        {
          displayName: String(device.deviceName),
          modifiedProperties: [],
          auditResourceType: 'ManagedDevice',
          resourceId: String(device.id),
        },
      ],
      category: 'Device',
    },
  }
}

export function remoteActionAuditJson(a: ActionRecord, now: number): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.remoteActionAudit',
    id: a.id,
    deviceDisplayName: a.deviceDisplayName,
    userName: a.deviceOwnerUserPrincipalName,
    initiatedByUserPrincipalName: a.initiatedBy,
    action: a.action,
    requestDateTime: iso(a.requestedAt),
    deviceOwnerUserPrincipalName: a.deviceOwnerUserPrincipalName,
    deviceIMEI: a.deviceIMEI,
    actionState: liveState(a, now),
    managedDeviceId: a.deviceId,
    deviceActionDetails: [],
    deviceActionCategory: 'single',
    bulkDeviceActionId: '',
  }
}

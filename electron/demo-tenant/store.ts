/**
 * The tenant's state: lazily generated devices plus overrides, removals, issued actions and audit
 * records. Action states are computed from timestamps on read (no timers), so close() has nothing
 * to cancel and a tiny timeScale makes the lifecycle finish in milliseconds.
 */
import { outcomeFor, type Outcome, type RemoteActionName } from './behaviour'
import { generateDevice, guidFrom, indexFromDeviceId, type GeneratorContext } from './generator'
import { hash32, rng } from './random'
import { SCENARIOS } from './scenarios'
import {
  actionResultJson,
  auditEventFor,
  iso,
  makeSecret,
  PICKUP_MS,
  COMPLETE_MS,
  type ActionRecord,
  type AuditRecord,
} from './action-records'
import type { DeviceTraits } from './types'

export {
  actionResultJson,
  lastUpdated,
  liveState,
  remoteActionAuditJson,
  type ActionRecord,
  type AuditRecord,
  type LiveState,
} from './action-records'

export class TenantStore {
  readonly ctx: GeneratorContext
  private readonly removed = new Set<number>()
  private readonly patches = new Map<number, Record<string, unknown>>()
  private readonly traitPatches = new Map<number, Partial<DeviceTraits>>()
  /** Latest action per device per action name (Graph keeps one deviceActionResult per action). */
  private readonly latest = new Map<number, Map<RemoteActionName, ActionRecord>>()
  readonly actions: ActionRecord[] = []
  readonly audits: AuditRecord[] = []
  private sequence = 0

  constructor(
    ctx: GeneratorContext,
    private readonly timeScale: number,
  ) {
    this.ctx = ctx
  }

  get size(): number {
    return this.ctx.count - this.removed.size
  }

  indexOf(id: string): number | undefined {
    const i = indexFromDeviceId(this.ctx.seed, id)
    return i !== undefined && i < this.ctx.count && !this.removed.has(i) ? i : undefined
  }

  exists(index: number): boolean {
    return index >= 0 && index < this.ctx.count && !this.removed.has(index)
  }

  traits(index: number): DeviceTraits {
    const base = generateDevice(this.ctx, index).traits
    const patch = this.traitPatches.get(index)
    return patch ? { ...base, ...patch } : base
  }

  /** Full beta record with live action results (real values, before any view projection). */
  device(index: number, now = Date.now()): Record<string, unknown> & { id: string; deviceName: string } {
    const g = generateDevice(this.ctx, index).graph
    const patch = this.patches.get(index)
    const record = patch ? { ...g, ...patch } : g
    const actions = this.latest.get(index)
    if (actions) {
      const results: Record<string, unknown>[] = []
      let lastSync = Date.parse(String(record.lastSyncDateTime))
      // A trait can make Intune report an actionState outside the enum (domain §9, proposed members).
      const reported = this.traits(index).reportsActionState
      for (const a of actions.values()) {
        if (a.action === 'resetPasscode' && reported)
          results.push({ ...actionResultJson(a, now), actionState: reported, passcode: null, errorCode: 0 })
        else if (a.action !== 'syncDevice') results.push(actionResultJson(a, now))
        // A device that picked up a command has checked in.
        if (
          a.outcome.state !== 'pending' &&
          a.outcome.state !== 'canceled' &&
          now >= a.pickupAt &&
          a.pickupAt > lastSync
        )
          lastSync = a.pickupAt
      }
      return {
        ...record,
        deviceActionResults: results,
        lastSyncDateTime: iso(lastSync).slice(0, 19) + 'Z',
      }
    }
    return record
  }

  remove(index: number): void {
    this.removed.add(index)
  }

  patch(index: number, patch: Readonly<Record<string, unknown>>): void {
    this.patches.set(index, {
      ...this.patches.get(index),
      ...patch,
      id: generateDevice(this.ctx, index).graph.id,
    })
  }

  patchTraits(index: number, patch: Partial<DeviceTraits>): void {
    this.traitPatches.set(index, { ...this.traitPatches.get(index), ...patch })
    if (patch.checksIn !== true) return
    // A silent device that comes back picks its pending commands up now.
    const now = Date.now()
    const device = this.device(index, now)
    for (const a of this.latest.get(index)?.values() ?? []) {
      if (a.outcome.state !== 'pending') continue
      const outcome = outcomeFor(
        a.action,
        this.traits(index),
        String(device.osVersion),
        String(device.managementState),
      )
      const t = this.timing(outcome)
      a.outcome = outcome
      a.pickupAt = now + t.pickup
      a.completeAt = now + t.complete
      a.secret = outcome.returnsSecret ? makeSecret(a.action, hash32(this.ctx.seed, now & 0x7fffffff)) : null
    }
  }

  private timing(outcome: Outcome): { pickup: number; complete: number } {
    const scale = (ms: number): number => Math.max(1, Math.round(ms * this.timeScale))
    const quick = outcome.state === 'notSupported' || outcome.state === 'canceled'
    const pickup = quick ? scale(PICKUP_MS / 2) : scale(PICKUP_MS)
    const complete = Math.max(
      pickup,
      scale(outcome.state === 'done' || outcome.state === 'failed' ? COMPLETE_MS : PICKUP_MS / 2),
    )
    return { pickup, complete }
  }

  issue(
    index: number,
    action: RemoteActionName,
    agent: { upn: string; objectId: string },
    clientId: string,
    /** History seeding: when the action was requested (past) — its secret is long gone. */
    at?: number,
  ): ActionRecord {
    const now = at ?? Date.now()
    const device = this.device(index, now)
    const outcome = outcomeFor(
      action,
      this.traits(index),
      String(device.osVersion),
      String(device.managementState),
    )
    const n = this.sequence++
    const t = this.timing(outcome)
    const record: ActionRecord = {
      id: guidFrom(this.ctx.seed, n, now & 0x7fffffff, 0xac7),
      deviceId: device.id,
      action,
      initiatedBy: agent.upn,
      requestedAt: now,
      pickupAt: now + t.pickup,
      completeAt: now + t.complete,
      outcome,
      secret: outcome.returnsSecret && at === undefined ? makeSecret(action, hash32(this.ctx.seed, n)) : null,
      deviceDisplayName: device.deviceName,
      deviceOwnerUserPrincipalName: String(device.userPrincipalName ?? ''),
      deviceIMEI: String(device.imei ?? ''),
    }
    let perDevice = this.latest.get(index)
    if (!perDevice) this.latest.set(index, (perDevice = new Map()))
    perDevice.set(action, record)
    this.actions.push(record)
    this.audits.push(auditEventFor(record, device, agent, clientId, this.ctx.seed, n))
    return record
  }

  /**
   * Past actions by the help desk (last 30 days) so that history and "Device actions" are not
   * empty on a fresh demo. Never on scenario devices (their first action is the test's).
   */
  seedHistory(agents: readonly { upn: string; objectId: string }[], clientId: string, count: number): void {
    const first = SCENARIOS.length
    if (count <= 0 || this.ctx.count <= first || agents.length === 0) return
    const r = rng(this.ctx.seed, 0x4157)
    const planned = Array.from({ length: count }, () => ({
      index: first + r.int(0, this.ctx.count - first - 1),
      action: (r.chance(0.8) ? 'resetPasscode' : 'remoteLock') as RemoteActionName,
      agent: r.pick(agents),
      at: this.ctx.now - Math.round(r.next() * 30 * 86_400_000),
    })).sort((a, b) => a.at - b.at)
    for (const p of planned) this.issue(p.index, p.action, p.agent, clientId, p.at)
  }
}

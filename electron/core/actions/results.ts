import type { ActionState } from '@shared/api/schemas/actions'

/**
 * Reading Intune's `deviceActionResults` (domain §2.3). The exact `actionName` string Intune returns
 * is unconfirmed, so the reset result is matched case-insensitively on the name and on the
 * `@odata.type` `#microsoft.graph.resetPasscodeActionResult`.
 */
export interface ResetResult {
  readonly state: ActionState | 'none'
  readonly startDateTime: string | null
  readonly lastUpdatedDateTime: string | null
  /** Only for Android kinds; the caller must keep it out of every persistent place. */
  readonly passcode: string | null
  readonly errorCode: number | null
  /** Intune's actionState as sent, when this app does not know it (state `unknownState`). */
  readonly unknownState: string | null
}

const INTUNE_STATES: Readonly<Record<string, ActionState | 'none'>> = {
  none: 'none',
  pending: 'pending',
  active: 'active',
  done: 'done',
  failed: 'failed',
  notsupported: 'notSupported',
  canceled: 'canceled',
  cancelled: 'canceled',
}

function isResetResult(value: Record<string, unknown>): boolean {
  const type = typeof value['@odata.type'] === 'string' ? (value['@odata.type'] as string).toLowerCase() : ''
  const name = typeof value.actionName === 'string' ? value.actionName.toLowerCase() : ''
  return type.endsWith('resetpasscodeactionresult') || name === 'resetpasscode'
}

const str = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null)

/** The newest reset-passcode result in a deviceActionResults array, or null. */
export function latestResetResult(results: readonly unknown[]): ResetResult | null {
  let best: ResetResult | null = null
  for (const item of results) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue
    const r = item as Record<string, unknown>
    if (!isResetResult(r)) continue
    const sent = typeof r.actionState === 'string' ? r.actionState.trim() : ''
    const rawState = sent.toLowerCase()
    const known = Object.hasOwn(INTUNE_STATES, rawState) ? INTUNE_STATES[rawState] : undefined
    const candidate: ResetResult = {
      // An actionState we do not know (Graph enums evolve; `awaitingAdminAction` was proposed,
      // domain §9) is "unknown state": still polled, never done. A missing one stays pending.
      state: known ?? (sent === '' ? 'pending' : 'unknownState'),
      unknownState: known === undefined && sent !== '' ? sent.slice(0, 64) : null,
      startDateTime: str(r.startDateTime),
      lastUpdatedDateTime: str(r.lastUpdatedDateTime),
      passcode: str(r.passcode),
      errorCode: typeof r.errorCode === 'number' && Number.isInteger(r.errorCode) ? r.errorCode : null,
    }
    if (!best || time(candidate.startDateTime) > time(best.startDateTime)) best = candidate
  }
  return best
}

function time(value: string | null): number {
  const ms = value ? Date.parse(value) : NaN
  return Number.isFinite(ms) ? ms : -Infinity
}

/**
 * Is this result the one our POST created? Intune shows one result per action name, so ours is a
 * result that started after the one we saw before sending (the baseline). Without a baseline any
 * result with a start time counts.
 */
export function isNewerThan(result: ResetResult | null, baselineStart: string | null): result is ResetResult {
  if (!result || result.state === 'none' || result.startDateTime === null) return false
  if (baselineStart === null) return true
  return time(result.startDateTime) > time(baselineStart)
}

/** When the reset result shows an action started within `windowMs` before `now`. */
export function startedWithin(result: ResetResult | null, now: number, windowMs: number): boolean {
  if (!result || result.startDateTime === null) return false
  return now - time(result.startDateTime) < windowMs
}

import { FINAL_STATES, INTUNE_TERMINAL_STATES, type ActionState } from '@shared/api/schemas/actions'
import { CodedError } from '@shared/errors'
import type { Logger } from '../log'
import type { StoredAction } from './repository'
import { isNewerThan, latestResetResult, type ResetResult } from './results'
import type { ActionTiming, ProfileContext } from './types'

/**
 * Watches sent actions until Intune reports a terminal state (domain §2.3, §6: poll
 * deviceActionResults until done / failed / notSupported / canceled), with exponential backoff, and
 * gives up after `giveUpMs` with the `stillPending` state (the device may simply be off: DM-ACTIONS
 * "Remote actions need the device online"). Every state change is persisted and pushed by `onChange`.
 */
export interface PollerDeps {
  readonly timing: ActionTiming
  readonly now: () => number
  readonly log: Logger
  /** The context of the profile that owns the action, or null when that profile is not active now. */
  readonly context: (profileId: string) => ProfileContext | null
  /** Persists and pushes (event, notification, passcode vault). */
  readonly applyResult: (ctx: ProfileContext, action: StoredAction, result: ResetResult) => StoredAction
  readonly changeState: (
    ctx: ProfileContext,
    action: StoredAction,
    state: ActionState,
    extra?: { failureCode?: CodedError['code']; detail?: string },
  ) => StoredAction
}

interface Watch {
  readonly profileId: string
  timer: NodeJS.Timeout | null
  delay: number
  deadline: number
  running: boolean
}

export interface Poller {
  /**
   * Starts watching (no-op if already watched). `fresh`: the give-up clock restarts now (recheck);
   * `immediate`: first check at once (resumed after a restart: it may have finished meanwhile).
   */
  watch(profileId: string, actionId: string, options?: { fresh?: boolean; immediate?: boolean }): void
  isWatching(actionId: string): boolean
  /** Polls now instead of waiting for the timer (tests, and the renderer's "check now"). */
  pollNow(actionId: string): Promise<void>
  stop(actionId: string): void
  stopAll(): void
}

export function createPoller(deps: PollerDeps): Poller {
  const { timing, now, log } = deps
  const watches = new Map<string, Watch>()

  const stop = (actionId: string) => {
    const w = watches.get(actionId)
    if (w?.timer) clearTimeout(w.timer)
    watches.delete(actionId)
  }

  const schedule = (actionId: string, w: Watch, ms: number) => {
    if (w.timer) clearTimeout(w.timer)
    w.timer = setTimeout(() => void tick(actionId), ms)
    w.timer.unref?.()
  }

  async function tick(actionId: string): Promise<void> {
    const w = watches.get(actionId)
    if (!w || w.running) return
    w.running = true
    w.timer = null
    try {
      await pollOnce(actionId, w)
    } finally {
      w.running = false
    }
  }

  async function pollOnce(actionId: string, w: Watch): Promise<void> {
    const ctx = deps.context(w.profileId)
    if (!ctx) {
      // Another profile is active: pause; `resume` watches it again when its profile comes back.
      stop(actionId)
      return
    }
    let action = ctx.repo.get(actionId)
    if (!action || FINAL_STATES.includes(action.record.state)) {
      stop(actionId)
      return
    }
    try {
      const result = latestResetResult(await ctx.graph().getActionResults(action.record.deviceId))
      if (isNewerThan(result, action.baselineStart)) {
        action = deps.applyResult(ctx, action, result)
      } else if (action.record.state === 'sending') {
        // The POST's fate was unknown (timeout, 5xx, crash mid-send). If Intune still shows nothing
        // after the verification window, it never registered the action: the agent may issue again.
        const sentAt = Date.parse(action.record.sentAt ?? action.record.requestedAt)
        if (now() - sentAt >= timing.verifyWindowMs) {
          action = deps.changeState(ctx, action, 'notSent', {
            failureCode: action.record.failureCode ?? 'GRAPH_UNAVAILABLE',
            detail: 'not registered by Intune',
          })
        } else {
          ctx.repo.touchChecked(actionId, new Date(now()).toISOString())
        }
      } else {
        ctx.repo.touchChecked(actionId, new Date(now()).toISOString())
      }
    } catch (error) {
      // Offline, signed out, throttled: keep the action as it is and try again later.
      log.info('actions.poll-failed', {
        actionId,
        code: error instanceof CodedError ? error.code : 'INTERNAL',
      })
    }

    if (FINAL_STATES.includes(action.record.state) || INTUNE_TERMINAL_STATES.includes(action.record.state)) {
      stop(actionId)
      return
    }
    if (now() >= w.deadline) {
      deps.changeState(ctx, action, action.record.state === 'sending' ? 'notSent' : 'stillPending', {
        detail: 'gave up polling',
        failureCode: action.record.state === 'sending' ? 'TIMEOUT' : undefined,
      })
      stop(actionId)
      return
    }
    w.delay = Math.min(Math.round(w.delay * timing.pollFactor), timing.pollMaxMs)
    schedule(actionId, w, Math.min(w.delay, Math.max(0, w.deadline - now())))
  }

  return {
    watch(profileId, actionId, options = {}) {
      if (watches.has(actionId)) return
      const ctx = deps.context(profileId)
      const action = ctx?.repo.get(actionId)
      if (!action) return
      const started = Date.parse(action.record.sentAt ?? action.record.requestedAt)
      const w: Watch = {
        profileId,
        timer: null,
        delay: timing.pollInitialMs,
        deadline: options.fresh ? now() + timing.giveUpMs : started + timing.giveUpMs,
        running: false,
      }
      watches.set(actionId, w)
      schedule(actionId, w, options.immediate ? 0 : timing.pollInitialMs)
    },
    isWatching: (actionId) => watches.has(actionId),
    pollNow: (actionId) => tick(actionId),
    stop,
    stopAll() {
      for (const id of [...watches.keys()]) stop(id)
    },
  }
}

import { INTUNE_TERMINAL_STATES, type ActionRecord, type ActionState } from '@shared/api/schemas/actions'
import type { ErrorCode } from '@shared/errors'
import type { EventBus } from '../events'
import type { Logger } from '../log'
import type { PasscodeVault } from './passcode-vault'
import type { StoredAction } from './repository'
import type { ResetResult } from './results'
import type { ProfileContext } from './types'

const DAY_MS = 86_400_000
/** Intune shows the temporary passcode for seven days (MD-2025a/b): after that it cannot be re-read. */
const PASSCODE_READABLE_MS = 7 * DAY_MS

export interface StateExtra {
  readonly failureCode?: ErrorCode
  readonly detail?: string
  readonly sentAt?: string
  readonly graphRequestId?: string | null
}

export interface LedgerDeps {
  readonly now: () => number
  readonly log: Logger
  readonly events: Pick<EventBus, 'emit'>
  readonly vault: PasscodeVault
  /** A desktop notification for an action that reached a terminal state (actions/notify.ts). */
  readonly notify: (record: ActionRecord) => void
}

/**
 * The one writer of an action's life (domain §2.3): every state change is persisted, logged and
 * pushed as `actions:changed` here, whoever caused it (the issue, the poller, a recheck). The
 * passcode is held in memory only (DESIGN §4), never in a row.
 */
export interface ActionLedger {
  /** The record the renderer sees: whether the passcode can still be shown (vault, or Intune's 7 days). */
  dto(action: StoredAction): ActionRecord
  /** Pushes a row just written (the insert of a new action). */
  emit(action: StoredAction): void
  changeState(ctx: ProfileContext, action: StoredAction, state: ActionState, extra?: StateExtra): StoredAction
  /** Intune's result for our action: persist the state (never the passcode), hold the passcode in memory. */
  applyResult(ctx: ProfileContext, action: StoredAction, result: ResetResult): StoredAction
}

export function createActionLedger(deps: LedgerDeps): ActionLedger {
  const { now, log, events, vault } = deps
  const iso = () => new Date(now()).toISOString()

  function dto(action: StoredAction): ActionRecord {
    const r = action.record
    const readable =
      r.hasPasscode && r.completedAt !== null && now() - Date.parse(r.completedAt) < PASSCODE_READABLE_MS
    return { ...r, passcodeAvailable: vault.has(r.id) || readable }
  }

  const emit = (action: StoredAction) => events.emit('actions:changed', dto(action))

  return {
    dto,
    emit,
    changeState(ctx, action, state, extra = {}) {
      const next = ctx.repo.transition(action.record.id, {
        state,
        at: iso(),
        detail: extra.detail ?? null,
        sentAt: extra.sentAt,
        graphRequestId: extra.graphRequestId,
        failureCode: extra.failureCode,
      })
      log.info('actions.state', { actionId: next.record.id, state, detail: extra.detail })
      emit(next)
      return next
    },
    applyResult(ctx, action, result) {
      if (result.passcode) vault.hold(action.record.id, result.passcode)
      const state = result.state === 'none' ? action.record.state : result.state
      const gotPasscode = result.passcode !== null && !action.record.hasPasscode
      if (state === action.record.state && !gotPasscode) {
        ctx.repo.touchChecked(action.record.id, iso())
        return action
      }
      const terminal = INTUNE_TERMINAL_STATES.includes(state)
      const at = iso()
      const next = ctx.repo.transition(action.record.id, {
        state,
        at,
        intuneStart: result.startDateTime,
        intuneErrorCode: result.errorCode,
        hasPasscode: action.record.hasPasscode || result.passcode !== null,
        completedAt: terminal ? at : undefined,
        detail:
          result.unknownState !== null
            ? `actionState ${result.unknownState}`
            : result.errorCode !== null
              ? `errorCode ${result.errorCode}`
              : null,
      })
      log.info('actions.state', { actionId: next.record.id, state, hasPasscode: next.record.hasPasscode })
      emit(next)
      if (terminal && state !== action.record.state) deps.notify(dto(next))
      return next
    },
  }
}

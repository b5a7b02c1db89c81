import type { ActionPolicy } from '@shared/api/schemas/settings'
import { CodedError, type ErrorCode } from '@shared/errors'
import type { SessionProvider } from '../auth/session'
import type { Logger } from '../log'
import type { Handlers } from '../router'
import type { ProfileContexts } from './contexts'
import { issueAction, RESET_PASSCODE_PERMISSION, type IssueDeps, type ParsedIssueInput } from './issue'
import type { ActionLedger } from './ledger'
import type { PasscodeClipboard } from './passcode-clipboard'
import type { PasscodeVault } from './passcode-vault'
import type { Poller } from './poller'
import type { StoredAction } from './repository'
import { isNewerThan, latestResetResult } from './results'
import type { ProfileContext } from './types'

export type ActionChannel =
  | 'actions:issue'
  | 'actions:get'
  | 'actions:listForDevice'
  | 'actions:availability'
  | 'actions:revealPasscode'
  | 'actions:hidePasscode'
  | 'actions:copyPasscode'
  | 'actions:finish'
  | 'actions:recheck'

export interface ActionHandlersDeps {
  readonly sessions: SessionProvider
  readonly contexts: ProfileContexts
  readonly ledger: ActionLedger
  readonly vault: PasscodeVault
  /** Null where the renderer copies (browser host): `actions:copyPasscode` says so. */
  readonly clipboard: PasscodeClipboard | null
  readonly poller: Poller
  readonly issue: IssueDeps
  readonly policy: () => ActionPolicy
  readonly now: () => number
  readonly log: Logger
  /** The core-wide reachability model: availability answers OFFLINE at once while Intune is unreachable. */
  readonly connectivity?: { online(): boolean }
}

export interface ActionHandlers {
  readonly handlers: Handlers<ActionChannel>
  /** The POSTs in flight now (shutdown lets them record their answer). */
  inFlight(): Promise<unknown>[]
}

/** `actions:*` channels: issue (under a per-device lock), read, passcode reveal/copy, finish, recheck. */
export function createActionHandlers(deps: ActionHandlersDeps): ActionHandlers {
  const { sessions, contexts, ledger, vault, clipboard, poller, now, log } = deps
  const dto = ledger.dto
  /** Per-device lock (domain §4.5: one POST per action): the key that holds it and its outcome. */
  const inFlight = new Map<string, { key: string; promise: Promise<StoredAction> }>()

  function mustGet(ctx: ProfileContext, actionId: string): StoredAction {
    const action = ctx.repo.get(actionId)
    if (!action) throw new CodedError('NOT_FOUND', 'No such action')
    return action
  }

  const handlers: Handlers<ActionChannel> = {
    async 'actions:issue'(input) {
      const session = sessions.current()
      // The one sign-in check of an issue: the agent found here is the one recorded on the action.
      const agent = session.agent()
      if (!agent) throw new CodedError('AUTH_REQUIRED', 'Sign in to issue an action')
      const ctx = contexts.contextFor(session)
      // Everything up to the lock is synchronous, so a double click cannot slip between check and set.
      const replay = ctx.repo.byIdempotencyKey(input.idempotencyKey)
      if (replay) {
        if (replay.record.deviceId !== input.deviceId)
          throw new CodedError('CONFLICT', 'Idempotency key reused')
        return dto(replay)
      }
      const lockKey = `${ctx.profileId}\u0000${input.deviceId}`
      const held = inFlight.get(lockKey)
      if (held) {
        if (held.key === input.idempotencyKey) return dto(await held.promise)
        throw new CodedError('ACTION_IN_PROGRESS', 'An action is being sent to this device')
      }
      const request = { ctx, session, agent, policy: deps.policy(), input: input as ParsedIssueInput }
      const promise = issueAction(deps.issue, request).then(({ action, watch }) => {
        if (watch) poller.watch(ctx.profileId, action.record.id)
        return action
      })
      inFlight.set(lockKey, { key: input.idempotencyKey, promise })
      try {
        return dto(await promise)
      } finally {
        inFlight.delete(lockKey)
      }
    },
    'actions:get'({ actionId }) {
      const ctx = contexts.active()
      const action = mustGet(ctx, actionId)
      return { action: dto(action), transitions: ctx.repo.transitions(actionId) }
    },
    'actions:listForDevice'({ deviceId, limit }) {
      return contexts.active().repo.listForDevice(deviceId, limit).map(dto)
    },
    async 'actions:availability'({ deviceId }) {
      const session = sessions.current()
      const agent = session.agent()
      const answer = (reason: ErrorCode | null) => ({
        available: reason === null,
        reason,
        agentUpn: agent?.upn ?? null,
      })
      if (!agent) return answer('AUTH_REQUIRED')
      try {
        await session.getAccessToken()
        if (!(await session.permissions()).has(RESET_PASSCODE_PERMISSION)) return answer('PERMISSION_DENIED')
        if (deps.connectivity && !deps.connectivity.online()) return answer('OFFLINE')
        // A cheap live read proves Graph is reachable (offline → disabled with the reason, DESIGN §1).
        if (deviceId) await contexts.contextFor(session).graph().getActionResults(deviceId)
        return answer(null)
      } catch (error) {
        return answer(error instanceof CodedError ? error.code : 'INTERNAL')
      }
    },
    async 'actions:revealPasscode'({ actionId }) {
      const ctx = contexts.active()
      const action = mustGet(ctx, actionId)
      let shown = vault.reveal(actionId)
      if (!shown) {
        if (!action.record.hasPasscode)
          throw new CodedError('PASSCODE_EXPIRED', 'No passcode for this action')
        // Forgotten here, but Intune still shows it for 7 days: read it again live, never persist it.
        const result = latestResetResult(await ctx.graph().getActionResults(action.record.deviceId))
        const ours = isNewerThan(result, action.baselineStart) && result.startDateTime === action.intuneStart
        if (!ours || !result.passcode)
          throw new CodedError('PASSCODE_EXPIRED', 'Intune no longer shows this passcode')
        vault.hold(actionId, result.passcode)
        shown = vault.reveal(actionId)!
      }
      log.info('actions.passcode-revealed', { actionId })
      return { passcode: shown.passcode, expiresAt: new Date(shown.expiresAt).toISOString() }
    },
    async 'actions:hidePasscode'({ actionId }) {
      const forgotten = vault.forget(actionId)
      return { forgotten, clipboard: clipboard ? await clipboard.release(actionId) : 'notCopied' }
    },
    async 'actions:copyPasscode'({ actionId }) {
      if (!clipboard) throw new CodedError('NOT_IMPLEMENTED', 'This host copies in the renderer')
      mustGet(contexts.active(), actionId)
      // Only a passcode on screen can be copied: reveal() here never starts a countdown of its own.
      if (!vault.isRevealed(actionId)) throw new CodedError('PASSCODE_EXPIRED', 'The passcode is hidden')
      const shown = vault.reveal(actionId)!
      await clipboard.copy(actionId, shown.passcode, shown.expiresAt)
      log.info('actions.passcode-copied', { actionId })
      return { copied: true as const }
    },
    async 'actions:finish'({ actionId, note }) {
      const ctx = contexts.active()
      mustGet(ctx, actionId)
      vault.forget(actionId)
      await clipboard?.release(actionId)
      const next = ctx.repo.finish(actionId, note.trim(), new Date(now()).toISOString())
      ledger.emit(next)
      return dto(next)
    },
    'actions:recheck'({ actionId }) {
      const ctx = contexts.active()
      let action = mustGet(ctx, actionId)
      if (action.record.state === 'stillPending') {
        action = ledger.changeState(ctx, action, 'pending', { detail: 'checking again' })
      }
      if (!poller.isWatching(actionId) && ['sending', 'pending', 'active'].includes(action.record.state)) {
        poller.watch(ctx.profileId, actionId, { fresh: true, immediate: true })
      }
      return dto(action)
    },
  }

  return { handlers, inFlight: () => [...inFlight.values()].map((f) => f.promise) }
}

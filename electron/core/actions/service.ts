import { INTUNE_TERMINAL_STATES, type ActionRecord, type ActionState } from '@shared/api/schemas/actions'
import type { PasscodeAction } from '@shared/eligibility/codes'
import { CodedError, type ErrorCode } from '@shared/errors'
import type { Session, SessionProvider } from '../auth/session'
import type { EventBus } from '../events'
import type { HostCapabilities } from '../host'
import type { Logger } from '../log'
import type { Handlers } from '../router'
import type { SettingsStore } from '../settings/store'
import type { Db } from '../store/db'
import { createSessionPasscodeGraph, type PasscodeGraph } from './graph'
import { issueAction, RESET_PASSCODE_PERMISSION, type ParsedIssueInput } from './issue'
import { createPasscodeClipboard } from './passcode-clipboard'
import { createPasscodeVault } from './passcode-vault'
import { createPoller } from './poller'
import { createActionRepository, type StoredAction } from './repository'
import { isNewerThan, latestResetResult, type ResetResult } from './results'
import { notificationFor, notificationLanguage } from './notify'
import { DEFAULT_TIMING, type ActionTiming, type ProfileContext } from './types'
import { createHistoryHandlers } from '../history/handlers'

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
  | 'history:list'
  | 'history:export'
  | 'history:team'
  | 'history:removalRequest'

export interface ActionServicesOptions {
  readonly sessions: SessionProvider
  readonly settings: Pick<SettingsStore, 'get'>
  readonly events: EventBus
  readonly log: Logger
  readonly host: Pick<HostCapabilities, 'notify' | 'locale' | 'clipboard'>
  /** The profile's cache database, opened and migrated (store: `join(profileDataDir, 'cache.db')`). */
  readonly database: (session: Session) => Db
  /** Graph access for a session; default: a small fetch client over the session's token. */
  readonly graph?: (session: Session) => PasscodeGraph
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
  readonly timing?: Partial<ActionTiming>
  readonly now?: () => number
  /** The core-wide reachability model: availability answers OFFLINE at once while Intune is unreachable. */
  readonly connectivity?: { online(): boolean }
}

export interface ActionServices {
  readonly handlers: Handlers<ActionChannel>
  /** Watches again every unfinished action of the active profile (called at start and on profile switch). */
  resume(): void
  /** Tests: poll one action now instead of waiting for its timer. */
  pollNow(actionId: string): Promise<void>
  dispose(): Promise<void>
}

const DAY_MS = 86_400_000

/** The passcode action the cache computed for a device (`devices.action`), null when not cached. */
function cachedDeviceAction(db: Db, deviceId: string): PasscodeAction | null {
  try {
    const action = db.prepare('SELECT action FROM devices WHERE id = ?').pluck().get(deviceId)
    return action === 'removePasscode' || action === 'resetPasscode' ? action : null
  } catch {
    // No device table yet (nothing synced): the label says "passcode action" without guessing.
    return null
  }
}
/** Intune shows the temporary passcode for seven days (MD-2025a/b): after that it cannot be re-read. */
const PASSCODE_READABLE_MS = 7 * DAY_MS

export function createActionServices(options: ActionServicesOptions): ActionServices {
  const timing: ActionTiming = { ...DEFAULT_TIMING, ...options.timing }
  const now = options.now ?? Date.now
  const { sessions, events, log } = options
  const graphFor =
    options.graph ??
    ((session: Session) => createSessionPasscodeGraph(session, { log, fetch: options.fetch }))
  const vault = createPasscodeVault({ revealMs: timing.revealMs, unrevealedMs: timing.unrevealedMs, now })
  const clipboard = options.host.clipboard
    ? createPasscodeClipboard(options.host.clipboard, {
        now,
        onError: (error) => log.warn('actions.clipboard-failed', { error }),
      })
    : null
  const contexts = new Map<string, ProfileContext>()
  /** Per-device lock (issue 7 §3): the key that holds it and the promise of its outcome. */
  const inFlight = new Map<string, { key: string; promise: Promise<StoredAction> }>()

  function contextFor(session: Session): ProfileContext {
    const key = session.profile.id
    // The store may hand back a new handle (it closes the old file on a profile switch): rebuild then.
    const db = options.database(session)
    let ctx = contexts.get(key)
    if (!ctx || ctx.db !== db) {
      ctx = {
        profileId: key,
        db,
        repo: createActionRepository(db),
        // The session active now: its token, and its Graph root, follow sign-in.
        graph: () => {
          const current = sessions.current()
          if (current.profile.id !== key) throw new CodedError('AUTH_REQUIRED', 'Profile is not active')
          return graphFor(current)
        },
      }
      contexts.set(key, ctx)
    }
    return ctx
  }
  const activeContext = () => contextFor(sessions.current())

  function dto(action: StoredAction): ActionRecord {
    const r = action.record
    const readable =
      r.hasPasscode && r.completedAt !== null && now() - Date.parse(r.completedAt) < PASSCODE_READABLE_MS
    return { ...r, passcodeAvailable: vault.has(r.id) || readable }
  }

  function emit(action: StoredAction): void {
    events.emit('actions:changed', dto(action))
  }

  function notify(action: StoredAction): void {
    if (!options.host.notify) return
    const settings = options.settings.get()
    const lang = notificationLanguage(
      settings.locale,
      options.host.locale?.() ?? Intl.DateTimeFormat().resolvedOptions().locale,
    )
    const text = notificationFor(dto(action), lang)
    if (!text) return
    try {
      options.host.notify(text.title, text.body)
    } catch (error) {
      log.warn('actions.notify-failed', { error })
    }
  }

  function changeState(
    ctx: ProfileContext,
    action: StoredAction,
    state: ActionState,
    extra: { failureCode?: ErrorCode; detail?: string; sentAt?: string; graphRequestId?: string | null } = {},
  ): StoredAction {
    const next = ctx.repo.transition(action.record.id, {
      state,
      at: new Date(now()).toISOString(),
      detail: extra.detail ?? null,
      sentAt: extra.sentAt,
      graphRequestId: extra.graphRequestId,
      failureCode: extra.failureCode,
    })
    log.info('actions.state', { actionId: next.record.id, state, detail: extra.detail })
    emit(next)
    return next
  }

  /** Intune's result for our action: persist the state (never the passcode), hold the passcode in memory. */
  function applyResult(ctx: ProfileContext, action: StoredAction, result: ResetResult): StoredAction {
    if (result.passcode) vault.hold(action.record.id, result.passcode)
    const state = result.state === 'none' ? action.record.state : result.state
    const gotPasscode = result.passcode !== null && !action.record.hasPasscode
    if (state === action.record.state && !gotPasscode) {
      ctx.repo.touchChecked(action.record.id, new Date(now()).toISOString())
      return action
    }
    const terminal = INTUNE_TERMINAL_STATES.includes(state)
    const at = new Date(now()).toISOString()
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
    if (terminal && state !== action.record.state) notify(next)
    return next
  }

  const poller = createPoller({
    timing,
    now,
    log,
    context(profileId) {
      const session = sessions.current()
      return session.profile.id === profileId ? contextFor(session) : null
    },
    applyResult,
    changeState,
  })

  const issueDeps = {
    timing,
    now,
    log,
    policy: () => options.settings.get().policy,
    changeState,
    applyResult,
    inserted: (_ctx: ProfileContext, action: StoredAction) => emit(action),
    watch: (profileId: string, actionId: string) => poller.watch(profileId, actionId),
  }

  function resume(): void {
    let ctx: ProfileContext
    try {
      ctx = activeContext()
    } catch (error) {
      log.warn('actions.resume-failed', { code: error instanceof CodedError ? error.code : 'INTERNAL' })
      return
    }
    for (const action of ctx.repo.unfinished())
      poller.watch(ctx.profileId, action.record.id, { immediate: true })
  }

  const unsubscribe = sessions.onChange(() => resume())

  function mustGet(ctx: ProfileContext, actionId: string): StoredAction {
    const action = ctx.repo.get(actionId)
    if (!action) throw new CodedError('NOT_FOUND', 'No such action')
    return action
  }

  const actionHandlers: Handlers<Exclude<ActionChannel, `history:${string}`>> = {
    async 'actions:issue'(input) {
      const session = sessions.current()
      if (!session.agent()) throw new CodedError('AUTH_REQUIRED', 'Sign in to issue an action')
      const ctx = contextFor(session)
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
      const promise = issueAction(issueDeps, ctx, session, input as ParsedIssueInput)
      inFlight.set(lockKey, { key: input.idempotencyKey, promise })
      try {
        return dto(await promise)
      } finally {
        inFlight.delete(lockKey)
      }
    },
    'actions:get'({ actionId }) {
      const ctx = activeContext()
      const action = mustGet(ctx, actionId)
      return { action: dto(action), transitions: ctx.repo.transitions(actionId) }
    },
    'actions:listForDevice'({ deviceId, limit }) {
      return activeContext().repo.listForDevice(deviceId, limit).map(dto)
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
        if (options.connectivity && !options.connectivity.online()) return answer('OFFLINE')
        // A cheap live read proves Graph is reachable (issue 7 §7: offline → disabled with the reason).
        if (deviceId) await contextFor(session).graph().getActionResults(deviceId)
        return answer(null)
      } catch (error) {
        return answer(error instanceof CodedError ? error.code : 'INTERNAL')
      }
    },
    async 'actions:revealPasscode'({ actionId }) {
      const ctx = activeContext()
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
      mustGet(activeContext(), actionId)
      // Only a passcode on screen can be copied: reveal() here never starts a countdown of its own.
      if (!vault.isRevealed(actionId)) throw new CodedError('PASSCODE_EXPIRED', 'The passcode is hidden')
      const shown = vault.reveal(actionId)!
      await clipboard.copy(actionId, shown.passcode, shown.expiresAt)
      log.info('actions.passcode-copied', { actionId })
      return { copied: true as const }
    },
    async 'actions:finish'({ actionId, note }) {
      const ctx = activeContext()
      mustGet(ctx, actionId)
      vault.forget(actionId)
      await clipboard?.release(actionId)
      const next = ctx.repo.finish(actionId, note.trim(), new Date(now()).toISOString())
      emit(next)
      return dto(next)
    },
    'actions:recheck'({ actionId }) {
      const ctx = activeContext()
      let action = mustGet(ctx, actionId)
      if (action.record.state === 'stillPending') {
        action = changeState(ctx, action, 'pending', { detail: 'checking again' })
      }
      if (!poller.isWatching(actionId) && ['sending', 'pending', 'active'].includes(action.record.state)) {
        poller.watch(ctx.profileId, actionId, { fresh: true, immediate: true })
      }
      return dto(action)
    },
  }

  const historyHandlers = createHistoryHandlers({
    repo: () => activeContext().repo,
    graph: () => activeContext().graph(),
    agentUpn: () => sessions.current().agent()?.upn ?? null,
    toRecord: dto,
    deviceAction: (deviceId) => cachedDeviceAction(activeContext().db, deviceId),
    now,
  })

  resume()

  return {
    handlers: { ...actionHandlers, ...historyHandlers },
    resume,
    pollNow: (actionId) => poller.pollNow(actionId),
    async dispose() {
      unsubscribe()
      poller.stopAll()
      vault.clear()
      await clipboard?.releaseAll().catch(() => {})
      // Let a POST in flight record its answer, but never hang shutdown on it: a row left in
      // `sending` is checked against Intune on the next start (poller), never re-sent.
      const settled = Promise.allSettled([...inFlight.values()].map((f) => f.promise))
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000).unref?.())])
      contexts.clear()
    },
  }
}

import { CodedError } from '@shared/errors'
import type { Session, SessionProvider } from '../auth/session'
import type { EventBus } from '../events'
import type { HostCapabilities } from '../host'
import type { Logger } from '../log'
import type { CoreModule } from '../module'
import type { SettingsStore } from '../settings/store'
import type { Db } from '../store/db'
import { createProfileContexts, type ProfileContexts } from './contexts'
import type { PasscodeGraph } from './graph'
import { createActionHandlers, type ActionChannel } from './handlers'
import { createActionLedger, type ActionLedger } from './ledger'
import { notificationFor, notificationLanguage } from './notify'
import { createPasscodeClipboard } from './passcode-clipboard'
import { createPasscodeVault } from './passcode-vault'
import { createPoller } from './poller'
import { DEFAULT_TIMING, type ActionTiming } from './types'

export type { ActionChannel } from './handlers'

export interface ActionsModuleOptions {
  readonly sessions: SessionProvider
  readonly settings: Pick<SettingsStore, 'get'>
  readonly events: EventBus
  readonly log: Logger
  readonly host: Pick<HostCapabilities, 'notify' | 'locale' | 'clipboard'>
  /** The profile's cache database, opened and migrated (store: `join(profileDataDir, 'cache.db')`). */
  readonly database: (session: Session) => Db
  /** Graph access for a session (graph/session-client.ts builds the app's). */
  readonly graph: (session: Session) => PasscodeGraph
  readonly timing?: Partial<ActionTiming>
  readonly now?: () => number
  /** The core-wide reachability model: availability answers OFFLINE at once while Intune is unreachable. */
  readonly connectivity?: { online(): boolean }
}

export interface ActionsModule extends CoreModule<ActionChannel> {
  /** What the history module reads: the active profile's actions and Graph, records as the renderer sees them. */
  readonly contexts: ProfileContexts
  readonly ledger: Pick<ActionLedger, 'dto'>
  /** Watches again every unfinished action of the active profile (called at start and on profile switch). */
  resume(): void
  /** Tests: poll one action now instead of waiting for its timer. */
  pollNow(actionId: string): Promise<void>
  dispose(): Promise<void>
}

/** Passcode actions (domain §2.3–2.4): issue, watch until Intune settles, the passcode held in memory. */
export function createActionsModule(options: ActionsModuleOptions): ActionsModule {
  const timing: ActionTiming = { ...DEFAULT_TIMING, ...options.timing }
  const now = options.now ?? Date.now
  const { sessions, events, log, host } = options
  const vault = createPasscodeVault({ revealMs: timing.revealMs, unrevealedMs: timing.unrevealedMs, now })
  const clipboard = host.clipboard
    ? createPasscodeClipboard(host.clipboard, {
        now,
        onError: (error) => log.warn('actions.clipboard-failed', { error }),
      })
    : null
  const contexts = createProfileContexts({ sessions, database: options.database, graph: options.graph })
  const ledger = createActionLedger({
    now,
    log,
    events,
    vault,
    notify(record) {
      if (!host.notify) return
      const lang = notificationLanguage(
        options.settings.get().locale,
        host.locale?.() ?? Intl.DateTimeFormat().resolvedOptions().locale,
      )
      const text = notificationFor(record, lang)
      if (!text) return
      try {
        host.notify(text.title, text.body)
      } catch (error) {
        log.warn('actions.notify-failed', { error })
      }
    },
  })
  const poller = createPoller({
    timing,
    now,
    log,
    context(profileId) {
      const session = sessions.current()
      return session.profile.id === profileId ? contexts.contextFor(session) : null
    },
    applyResult: ledger.applyResult,
    changeState: ledger.changeState,
  })
  const actions = createActionHandlers({
    sessions,
    contexts,
    ledger,
    vault,
    clipboard,
    poller,
    issue: { timing, now, log, ledger },
    policy: () => options.settings.get().policy,
    now,
    log,
    connectivity: options.connectivity,
  })

  function resume(): void {
    let ctx
    try {
      ctx = contexts.active()
    } catch (error) {
      log.warn('actions.resume-failed', { code: error instanceof CodedError ? error.code : 'INTERNAL' })
      return
    }
    for (const action of ctx.repo.unfinished())
      poller.watch(ctx.profileId, action.record.id, { immediate: true })
  }
  const unsubscribe = sessions.onChange(() => resume())
  resume()

  return {
    handlers: actions.handlers,
    contexts,
    ledger,
    resume,
    pollNow: (actionId) => poller.pollNow(actionId),
    async dispose() {
      unsubscribe()
      poller.stopAll()
      vault.clear()
      await clipboard?.releaseAll().catch(() => {})
      // Let a POST in flight record its answer, but never hang shutdown on it: a row left in
      // `sending` is checked against Intune on the next start (poller), never re-sent.
      const settled = Promise.allSettled(actions.inFlight())
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 2_000).unref?.())])
      contexts.clear()
    },
  }
}

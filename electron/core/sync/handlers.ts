import { CodedError } from '@shared/errors'
import type { Handlers } from '../router'
import type { SyncEngine } from './engine'

export interface SyncHandlerOptions {
  /**
   * Whether a sync may start now. False when nobody is signed in: refused before a run starts, so
   * no "failed sync" (and no "session expired") is recorded for a newcomer who has simply not
   * signed in yet (agent trust, DESIGN §1 "tell the truth on screen").
   */
  readonly signedIn?: () => boolean
}

/** `sync:*` channels: start (full or auto), cancel, status (DESIGN §1: a channel's name says where it lives). */
export function createSyncHandlers(
  sync: SyncEngine,
  options: SyncHandlerOptions = {},
): Handlers<'sync:start' | 'sync:cancel' | 'sync:status'> {
  return {
    'sync:start': ({ mode }) => {
      if (options.signedIn && !sync.status().running && !options.signedIn())
        throw new CodedError('AUTH_REQUIRED', 'Nobody is signed in', { signedOut: true })
      const { runId, startedAt } = sync.start(mode ? { mode } : {})
      return { runId, startedAt }
    },
    'sync:cancel': () => ({ cancelled: sync.cancel() }),
    'sync:status': () => sync.status(),
  }
}

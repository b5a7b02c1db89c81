import type { PasscodeAction } from '@shared/eligibility/codes'
import { CodedError } from '@shared/errors'
import type { Session, SessionProvider } from '../auth/session'
import type { Db } from '../store/db'
import type { PasscodeGraph } from './graph'
import { createActionRepository } from './repository'
import type { ProfileContext } from './types'

export interface ProfileContextsDeps {
  readonly sessions: SessionProvider
  /** The profile's cache database, opened and migrated (store: `join(profileDataDir, 'cache.db')`). */
  readonly database: (session: Session) => Db
  readonly graph: (session: Session) => PasscodeGraph
}

/** Each profile's actions live in its own database; Graph always follows the session active now. */
export interface ProfileContexts {
  contextFor(session: Session): ProfileContext
  active(): ProfileContext
  /** The passcode action the cache computed for a device (`devices.action`), null when not cached. */
  deviceAction(deviceId: string): PasscodeAction | null
  clear(): void
}

export function createProfileContexts(deps: ProfileContextsDeps): ProfileContexts {
  const { sessions } = deps
  const contexts = new Map<string, ProfileContext>()

  function contextFor(session: Session): ProfileContext {
    const key = session.profile.id
    // The store may hand back a new handle (it closes the old file on a profile switch): rebuild then.
    const db = deps.database(session)
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
          return deps.graph(current)
        },
      }
      contexts.set(key, ctx)
    }
    return ctx
  }
  const active = () => contextFor(sessions.current())

  return {
    contextFor,
    active,
    deviceAction(deviceId) {
      const db = active().db
      try {
        const action = db.prepare('SELECT action FROM devices WHERE id = ?').pluck().get(deviceId)
        return action === 'removePasscode' || action === 'resetPasscode' ? action : null
      } catch {
        // No device table yet (nothing synced): the label says "passcode action" without guessing.
        return null
      }
    },
    clear: () => contexts.clear(),
  }
}

import type { Handlers } from '../router'
import type { SessionManager } from './session-manager'

/** `auth:*` channels (domain §4): status, interactive sign-in, cancel, sign-out. No token ever leaves. */
export function createAuthHandlers(
  sessions: SessionManager,
): Handlers<'auth:status' | 'auth:signIn' | 'auth:cancelSignIn' | 'auth:signOut'> {
  return {
    'auth:status': () => sessions.status(),
    'auth:signIn': () => sessions.signIn(),
    'auth:cancelSignIn': () => sessions.cancelSignIn(),
    'auth:signOut': () => sessions.signOut(),
  }
}

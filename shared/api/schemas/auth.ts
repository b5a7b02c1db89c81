import { z } from 'zod'
import { noInput, text } from './common'
import { profileKind } from './profiles'

/**
 * Sign-in state of the active profile (domain §4). Nothing here is a token: core keeps tokens in the
 * MSAL cache and only ever tells the renderer who is signed in and what they may do.
 */

/**
 * Where this profile's MSAL token cache lives: `encrypted` (a file encrypted with Electron
 * safeStorage), `keychain` (the OS keychain through @azure/msal-node-extensions) or `memory`
 * (no usable secret store: the agent signs in again after a restart). Never plaintext on disk.
 */
export const cachePersistence = z.enum(['encrypted', 'keychain', 'memory'])
export type CachePersistence = z.infer<typeof cachePersistence>

export const agentInfo = z.strictObject({
  upn: text(256),
  displayName: text(256),
  tenantId: text(64),
})
export type AgentInfo = z.infer<typeof agentInfo>

/**
 * Why the reset/remove passcode action is unavailable before the agent clicks:
 * - `signedOut`: nobody is signed in (or the session must be renewed);
 * - `missingPermission`: the agent's Intune role lacks Remote tasks / Reset passcode (getEffectivePermissions);
 * - `permissionsUnavailable`: Graph could not tell (network, consent for DeviceManagementRBAC.Read.All).
 */
export const permissionReason = z.enum(['signedOut', 'missingPermission', 'permissionsUnavailable'])
export type PermissionReason = z.infer<typeof permissionReason>

export const authStatus = z.strictObject({
  profileId: text(128),
  profileName: text(80),
  profileKind,
  /** `reauthRequired`: the agent is known but their session expired or was revoked: sign in again. */
  state: z.enum(['signedOut', 'signingIn', 'signedIn', 'reauthRequired']),
  agent: agentInfo.nullable(),
  cachePersistence,
  canResetPasscode: z.boolean(),
  permissionReason: permissionReason.nullable(),
  /** The Intune permission that is missing, e.g. `Microsoft.Intune_RemoteTasks_ResetPasscode`. */
  missingPermission: text(200).nullable(),
})
export type AuthStatus = z.infer<typeof authStatus>

export const authContract = {
  'auth:status': { input: noInput, output: authStatus },
  /** Interactive sign-in in the system browser; resolves when the agent has finished (or failed). */
  'auth:signIn': { input: noInput, output: authStatus },
  /** Gives up a sign-in in progress (the agent closed the browser tab). */
  'auth:cancelSignIn': { input: noInput, output: authStatus },
  /** Removes the account and its tokens from this profile's cache. */
  'auth:signOut': { input: noInput, output: authStatus },
} as const

export const authEvents = {
  'auth:changed': authStatus,
  /**
   * The sign-in page to open, for hosts that cannot open the system browser themselves (the browser
   * host): the renderer opens it in a new tab. Carries no secret (PKCE challenge and state only).
   */
  'auth:open-url': z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(8_192) }),
} as const

/**
 * The seam between sign-in (domain §4) and everything that calls Graph (sync, actions, history).
 * Interfaces only: `electron/core/auth/` implements them; other modules depend on these types, never
 * on MSAL. Defined up front so the cache, sign-in and actions work could proceed in parallel.
 */

export interface AgentIdentity {
  readonly upn: string
  readonly displayName: string
  readonly tenantId: string
  readonly objectId: string
}

export type ProfileKind = 'demo' | 'tenant'

export interface ActiveProfile {
  readonly id: string
  readonly name: string
  readonly kind: ProfileKind
  readonly tenantId: string
  /** Graph root without version or trailing slash: `https://graph.microsoft.com` or the demo tenant's. */
  readonly graphBaseUrl: string
}

export interface Session {
  readonly profile: ActiveProfile
  /** This profile's own directory (its cache database lives here); never shared between profiles. */
  readonly profileDataDir: string
  /** The signed-in agent, or null when signed out. */
  agent(): AgentIdentity | null
  /**
   * A Graph access token obtained silently (acquireTokenSilent). Throws CodedError('AUTH_REQUIRED')
   * when the agent must sign in again; never returns an expired token knowingly.
   */
  getAccessToken(): Promise<string>
  /** Intune permissions of the agent (getEffectivePermissions), e.g. 'Microsoft.Intune_RemoteTasks_ResetPasscode'. */
  permissions(): Promise<ReadonlySet<string>>
}

export interface SessionProvider {
  current(): Session
  /** Fires on profile switch, sign-in and sign-out. */
  onChange(listener: (session: Session) => void): () => void
}

import { PublicClientApplication, type AccountInfo } from '@azure/msal-node'
import type { CachePersistence } from '@shared/api/schemas/auth'
import { CodedError } from '@shared/errors'
import type { Logger } from '../log'
import { graphScopes } from '../profiles/clouds'
import { buildMsalConfiguration, type TenantEndpoints } from './endpoints'
import { toAuthError } from './errors'
import type { AgentIdentity } from './session'
import { chooseTokenCache, type CacheSecretStorage } from './token-cache'

export interface ProfileAuthOptions {
  readonly profileId: string
  readonly endpoints: TenantEndpoints
  /** The profile's own directory: its token cache never mixes with another profile's. */
  readonly dir: string
  readonly secretStorage?: CacheSecretStorage
  readonly allowKeychain: boolean
  readonly log: Logger
  /** Longest wait for the agent to finish in the browser (default 10 minutes). */
  readonly signInTimeoutMs?: number
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
}

export interface SignInOptions {
  /** Receives the sign-in page URL: the system browser, a renderer tab, or a test. */
  readonly openBrowser: (url: string) => Promise<void>
  readonly signal?: AbortSignal
}

const PAGE = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;margin:3rem"><h1>${title}</h1><p>${body}</p></body></html>`
const SUCCESS_PAGE = PAGE(
  'Passcode Desk',
  'Vous êtes connecté. Vous pouvez fermer cet onglet et revenir à Passcode Desk.<br>You are signed in. You can close this tab and return to Passcode Desk.',
)
const ERROR_PAGE = PAGE(
  'Passcode Desk',
  'La connexion a échoué. Revenez à Passcode Desk pour réessayer.<br>Sign-in failed. Return to Passcode Desk to try again.',
)

export function toAgentIdentity(account: AccountInfo): AgentIdentity {
  return {
    upn: account.username,
    displayName: account.name || account.username,
    tenantId: account.tenantId,
    objectId: account.localAccountId,
  }
}

/**
 * One profile's MSAL public client and token cache (domain §4.1–4.2). One instance per profile, keyed by
 * profile id, so switching profiles never mixes tokens or caches.
 */
export class ProfileAuth {
  readonly persistence: CachePersistence
  private readonly app: PublicClientApplication
  private readonly scopes: string[]
  private currentAccount: AccountInfo | null = null
  private reauth = false
  private signingIn: { cancel: () => Promise<void> } | null = null

  private constructor(
    private readonly options: ProfileAuthOptions,
    app: PublicClientApplication,
    persistence: CachePersistence,
  ) {
    this.app = app
    this.persistence = persistence
    this.scopes = graphScopes(options.endpoints.graphBaseUrl, options.endpoints.qualifyScopes)
  }

  static async create(options: ProfileAuthOptions): Promise<ProfileAuth> {
    const cache = await chooseTokenCache({
      dir: options.dir,
      profileId: options.profileId,
      secretStorage: options.secretStorage,
      allowKeychain: options.allowKeychain,
      log: options.log,
    })
    const config = await buildMsalConfiguration(options.endpoints, cache.plugin, options.log, options.fetch)
    const auth = new ProfileAuth(options, new PublicClientApplication(config), cache.persistence)
    await auth.loadAccount()
    return auth
  }

  get endpoints(): TenantEndpoints {
    return this.options.endpoints
  }

  /** The signed-in agent (from the ID token claims), or null. */
  agent(): AgentIdentity | null {
    return this.currentAccount ? toAgentIdentity(this.currentAccount) : null
  }

  /** True once a silent renewal failed with "interaction required": the agent must sign in again. */
  get reauthRequired(): boolean {
    return this.reauth
  }

  get signInInProgress(): boolean {
    return this.signingIn !== null
  }

  private async loadAccount(): Promise<void> {
    const accounts = await this.app.getTokenCache().getAllAccounts()
    // Only an account of this profile's tenant counts (a cache is never shared, but be strict).
    this.currentAccount =
      accounts.find((a) => sameTenant(a.tenantId, this.options.endpoints.tenantId)) ?? null
  }

  /**
   * Interactive sign-in in the browser with PKCE and a loopback redirect (msal-node generates the
   * PKCE pair and listens on 127.0.0.1; the app registration's redirect URI is `http://localhost`).
   */
  async signIn(options: SignInOptions): Promise<AgentIdentity> {
    if (this.signingIn) throw new CodedError('CONFLICT', 'A sign-in is already in progress')
    let authUrl: string | null = null
    let cancelled = false
    const cancel = async () => {
      cancelled = true
      if (authUrl) await abandonLoopback(authUrl)
    }
    this.signingIn = { cancel }
    const timeout = setTimeout(() => void cancel(), this.options.signInTimeoutMs ?? 10 * 60_000)
    const onAbort = () => void cancel()
    options.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const result = await this.app.acquireTokenInteractive({
        scopes: this.scopes,
        prompt: 'select_account',
        loginHint: this.currentAccount?.username,
        successTemplate: SUCCESS_PAGE,
        errorTemplate: ERROR_PAGE,
        openBrowser: async (url) => {
          authUrl = url
          if (cancelled) return void (await abandonLoopback(url))
          await options.openBrowser(url)
        },
      })
      const account = result.account
      if (!account) throw new CodedError('AUTH_FAILED', 'Sign-in returned no account')
      if (!sameTenant(account.tenantId, this.options.endpoints.tenantId)) {
        // A token from another tenant is refused outright and forgotten (DESIGN §4: tokens stay in their profile's cache).
        await this.app.getTokenCache().removeAccount(account)
        throw new CodedError('AUTH_WRONG_TENANT', 'The account belongs to another tenant')
      }
      // One agent per profile: forget anyone signed in before.
      for (const other of await this.app.getTokenCache().getAllAccounts()) {
        if (other.homeAccountId !== account.homeAccountId) await this.app.getTokenCache().removeAccount(other)
      }
      this.currentAccount = account
      this.reauth = false
      return toAgentIdentity(account)
    } catch (error) {
      if (cancelled) throw new CodedError('AUTH_CANCELLED', 'Sign-in was cancelled')
      throw toAuthError(error, false)
    } finally {
      clearTimeout(timeout)
      options.signal?.removeEventListener('abort', onAbort)
      this.signingIn = null
    }
  }

  async cancelSignIn(): Promise<void> {
    await this.signingIn?.cancel()
  }

  /** Removes the account and all its tokens from this profile's cache. */
  async signOut(): Promise<void> {
    await this.cancelSignIn()
    const cache = this.app.getTokenCache()
    for (const account of await cache.getAllAccounts()) await cache.removeAccount(account)
    this.currentAccount = null
    this.reauth = false
  }

  /**
   * A Graph access token from the cache, renewed silently with the refresh token when it expired.
   * Throws AUTH_REQUIRED when only an interactive sign-in can help.
   */
  async getAccessToken(): Promise<string> {
    const account = this.currentAccount
    if (!account) throw new CodedError('AUTH_REQUIRED', 'Nobody is signed in')
    try {
      const result = await this.app.acquireTokenSilent({ account, scopes: this.scopes })
      if (!result.accessToken) throw new CodedError('AUTH_REQUIRED', 'No access token in the cache')
      if (result.tenantId && !sameTenant(result.tenantId, this.options.endpoints.tenantId)) {
        throw new CodedError('AUTH_WRONG_TENANT', 'The token was issued by another tenant')
      }
      this.reauth = false
      return result.accessToken
    } catch (error) {
      const coded = toAuthError(error, true)
      if (coded.code === 'AUTH_REQUIRED') this.reauth = true
      throw coded
    }
  }
}

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * Ends a pending interactive sign-in: answers MSAL's own loopback listener with an OAuth error for
 * its state, so acquireTokenInteractive rejects and closes its server instead of waiting forever
 * for a browser tab the agent closed.
 */
async function abandonLoopback(authUrl: string): Promise<void> {
  try {
    const url = new URL(authUrl)
    const redirectUri = url.searchParams.get('redirect_uri')
    const state = url.searchParams.get('state')
    if (!redirectUri || !state) return
    await fetch(redirectUri.replace('//localhost', '//127.0.0.1'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ error: 'access_denied', error_description: 'cancelled', state }).toString(),
      signal: AbortSignal.timeout(2_000),
    })
  } catch {
    // The listener is already gone: nothing to end.
  }
}

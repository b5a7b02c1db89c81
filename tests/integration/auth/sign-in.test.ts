import { afterEach, describe, expect, it } from 'vitest'
import type { AuthStatus } from '../../../shared/api/schemas/auth'
import { CodedError } from '../../../shared/errors'
import { signInAs, type BrowserVisit } from './browser'
import { startHarness, type Harness } from './harness'

const open: Harness[] = []
afterEach(async () => {
  for (const h of open.splice(0)) await h.close()
})
const start = async (...args: Parameters<typeof startHarness>) => {
  const h = await startHarness(...args)
  open.push(h)
  return h
}

const helpDesk = (h: Harness) => h.demo().agents.find((a) => a.role === 'helpDeskOperator')!
const readOnly = (h: Harness) => h.demo().agents.find((a) => a.role === 'readOnlyOperator')!
const tokenRequests = (h: Harness) =>
  h
    .demo()
    .requestLog()
    .filter((r) => r.path.includes('/oauth2/v2.0/token')).length

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise
    return null
  } catch (error) {
    return error instanceof CodedError ? error.code : String(error)
  }
}

describe('sign-in with the agent’s own account (real MSAL against the demo tenant)', () => {
  it('starts on the Demo profile, signed out, and completes the interactive PKCE flow through openBrowser', async () => {
    const h = await start()
    const before = await h.call<AuthStatus>('auth:status')
    expect(before).toMatchObject({ profileId: 'demo', profileKind: 'demo', state: 'signedOut', agent: null })
    expect(before.cachePersistence).toBe('memory')
    expect(before.canResetPasscode).toBe(false)
    expect(before.permissionReason).toBe('signedOut')

    const visits: BrowserVisit[] = []
    h.browser = signInAs(helpDesk(h).upn, visits)
    const after = await h.call<AuthStatus>('auth:signIn')

    // MSAL built the authorize URL itself: PKCE S256, loopback redirect, form_post.
    const url = new URL(visits[0]!.authorizeUrl)
    expect(url.origin).toBe(h.demo().baseUrl)
    expect(url.searchParams.get('code_challenge_method')).toBe('S256')
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+$/)
    expect(url.searchParams.get('response_mode')).toBe('form_post')
    expect(visits[0]!.loopbackStatus).toBe(200)

    expect(after.state).toBe('signedIn')
    expect(after.agent).toEqual({
      upn: helpDesk(h).upn,
      displayName: helpDesk(h).displayName,
      tenantId: h.demo().tenantId,
    })
    expect(after.canResetPasscode).toBe(true)
    expect(after.permissionReason).toBeNull()
    expect(
      h.events.some((e) => e.name === 'auth:changed' && (e.payload as AuthStatus).state === 'signedIn'),
    ).toBe(true)

    // The session other modules use calls Graph as the agent.
    const session = h.auth.sessions.current()
    expect(session.agent()?.upn).toBe(helpDesk(h).upn)
    const me = await fetch(`${session.profile.graphBaseUrl}/v1.0/me`, {
      headers: { Authorization: `Bearer ${await session.getAccessToken()}` },
    })
    expect(((await me.json()) as { userPrincipalName: string }).userPrincipalName).toBe(helpDesk(h).upn)
    expect((await session.permissions()).has('Microsoft.Intune_RemoteTasks_ResetPasscode')).toBe(true)
  })

  it('reuses a cached access token, and renews it silently once it has expired', async () => {
    const long = await start()
    long.browser = signInAs(helpDesk(long).upn)
    await long.call('auth:signIn')
    const n = tokenRequests(long)
    const a = await long.auth.sessions.current().getAccessToken()
    const b = await long.auth.sessions.current().getAccessToken()
    expect(b).toBe(a)
    expect(tokenRequests(long)).toBe(n) // served from MSAL's cache

    // Lifetime below MSAL's 5-minute renewal margin: every call needs the refresh token.
    const short = await start({ demo: { accessTokenLifetimeSeconds: 2 } })
    short.browser = signInAs(helpDesk(short).upn)
    await short.call('auth:signIn')
    const m = tokenRequests(short)
    const first = await short.auth.sessions.current().getAccessToken()
    await new Promise((r) => setTimeout(r, 1100)) // new iat → a different token
    const renewed = await short.auth.sessions.current().getAccessToken()
    expect(renewed).not.toBe(first)
    expect(tokenRequests(short)).toBeGreaterThan(m)
    const me = await fetch(`${short.demo().graphUrl}/v1.0/me`, {
      headers: { Authorization: `Bearer ${renewed}` },
    })
    expect(me.status).toBe(200)
  })

  it('turns a revoked refresh token into AUTH_REQUIRED, keeps the agent shown, and recovers after signing in again', async () => {
    const h = await start({ demo: { accessTokenLifetimeSeconds: 2 } })
    const agent = helpDesk(h)
    h.browser = signInAs(agent.upn)
    await h.call('auth:signIn')
    h.demo().revokeRefreshTokens(agent.upn)

    expect(await codeOf(h.auth.sessions.current().getAccessToken())).toBe('AUTH_REQUIRED')
    const status = await h.call<AuthStatus>('auth:status')
    expect(status.state).toBe('reauthRequired')
    expect(status.agent?.upn).toBe(agent.upn)
    expect(status.canResetPasscode).toBe(false)
    expect(
      h.events.some((e) => e.name === 'auth:changed' && (e.payload as AuthStatus).state === 'reauthRequired'),
    ).toBe(true)

    // The renderer retries what the agent was doing after this sign-in.
    const again = await h.call<AuthStatus>('auth:signIn')
    expect(again.state).toBe('signedIn')
    expect(await h.auth.sessions.current().getAccessToken()).toMatch(/^ey/)
  })

  it('shows a Read Only Operator why resetting a passcode is unavailable, before any click', async () => {
    const h = await start()
    h.browser = signInAs(readOnly(h).upn)
    const status = await h.call<AuthStatus>('auth:signIn')
    expect(status).toMatchObject({
      state: 'signedIn',
      canResetPasscode: false,
      permissionReason: 'missingPermission',
      missingPermission: 'Microsoft.Intune_RemoteTasks_ResetPasscode',
    })
    expect((await h.auth.sessions.current().permissions()).has('Microsoft.Intune_ManagedDevices_Read')).toBe(
      true,
    )
  })

  it('signs out: the account and its tokens are gone', async () => {
    const h = await start()
    h.browser = signInAs(helpDesk(h).upn)
    await h.call('auth:signIn')
    const out = await h.call<AuthStatus>('auth:signOut')
    expect(out).toMatchObject({ state: 'signedOut', agent: null, canResetPasscode: false })
    expect(h.auth.sessions.current().agent()).toBeNull()
    expect(await codeOf(h.auth.sessions.current().getAccessToken())).toBe('AUTH_REQUIRED')
  })

  it('lets a second sign-in request join the one already waiting on the agent', async () => {
    const h = await start()
    const visits: BrowserVisit[] = []
    const browse = signInAs(helpDesk(h).upn, visits)
    h.browser = async (url) => {
      await new Promise((r) => setTimeout(r, 100))
      await browse(url)
    }
    const [a, b] = await Promise.all([h.call<AuthStatus>('auth:signIn'), h.call<AuthStatus>('auth:signIn')])
    expect(visits).toHaveLength(1)
    expect(a.state).toBe('signedIn')
    expect(b.agent?.upn).toBe(helpDesk(h).upn)
  })

  it('gives up a sign-in the agent abandoned in the browser', async () => {
    const h = await start()
    h.browser = async () => {} // the tab was closed
    const pending = h.callRaw('auth:signIn')
    await new Promise((r) => setTimeout(r, 300))
    expect((await h.call<AuthStatus>('auth:status')).state).toBe('signingIn')
    await h.call('auth:cancelSignIn')
    const result = await pending
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('AUTH_CANCELLED')
    expect((await h.call<AuthStatus>('auth:status')).state).toBe('signedOut')
  })
})

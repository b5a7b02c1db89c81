/**
 * Drives the demo tenant's identity endpoints with @azure/msal-node itself: interactive sign-in
 * (auth code + PKCE through the loopback server), Graph call with the token, silent refresh after
 * expiry, revocation → InteractionRequiredAuthError. The configuration used here is the one
 * documented in electron/demo-tenant/README.md.
 */
import {
  InteractionRequiredAuthError,
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
} from '@azure/msal-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { msalConfigFor, startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

const unescape = (v: string): string =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** The first form of a page: its action and hidden inputs. */
function parseForm(html: string, base: string): { action: URL; fields: URLSearchParams } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1]
  expect(action).toBeDefined()
  const fields = new URLSearchParams()
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields.set(m[1], unescape(m[2]))
  return { action: new URL(unescape(action!), base), fields }
}

/**
 * What a test browser does: open the sign-in page, click the agent's button, then deliver the
 * authorization response to MSAL's loopback server (msal-node 7 asks for response_mode=form_post,
 * so the tenant answers with a self-submitting form, which we submit by hand).
 */
export async function signInAs(url: string, upn: string): Promise<void> {
  const page = await fetch(url)
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toContain(`name="upn" value="${upn}"`)
  const { action, fields } = parseForm(html, url)
  fields.set('upn', upn)
  const posted = await fetch(action, { method: 'POST', body: fields, redirect: 'manual' })
  let done: Response
  if (posted.status === 302) {
    done = await fetch(posted.headers.get('location')!)
  } else {
    expect(posted.status).toBe(200)
    const response = parseForm(await posted.text(), action.toString())
    expect(response.action.toString()).toMatch(/^http:\/\/localhost:\d+\/?$/)
    expect(response.fields.get('code')).toBeTruthy()
    done = await fetch(response.action, { method: 'POST', body: response.fields })
  }
  expect(done.status).toBe(200)
}

const SCOPES = [
  'https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All',
  'https://graph.microsoft.com/DeviceManagementManagedDevices.PrivilegedOperations.All',
]

describe('MSAL Node against the demo tenant', () => {
  let tenant: DemoTenant
  let pca: PublicClientApplication
  const logs: string[] = []

  beforeAll(async () => {
    tenant = await startDemoTenant({ devices: 30, accessTokenLifetimeSeconds: 2 })
    pca = new PublicClientApplication({
      auth: msalConfigFor(tenant),
      system: {
        loggerOptions: {
          logLevel: LogLevel.Warning,
          loggerCallback: (_l, m) => void logs.push(m),
          piiLoggingEnabled: false,
        },
      },
    })
  })
  afterAll(async () => {
    await tenant.close()
  })

  let account: AccountInfo
  it('signs in interactively (auth code + PKCE), and the access token works on Graph', async () => {
    const agent = tenant.agents.find((a) => a.role === 'helpDeskOperator')!
    const result = await pca.acquireTokenInteractive({
      scopes: SCOPES,
      openBrowser: (url) => signInAs(url, agent.upn),
      successTemplate: 'ok',
      errorTemplate: 'error',
    })
    expect(result.account?.username).toBe(agent.upn)
    expect(result.account?.tenantId).toBe(tenant.tenantId)
    expect(result.account?.homeAccountId).toBe(`${agent.objectId}.${tenant.tenantId}`)
    expect(result.idTokenClaims).toMatchObject({
      name: agent.displayName,
      tid: tenant.tenantId,
      oid: agent.objectId,
    })
    account = result.account!
    const me = await fetch(`${tenant.graphUrl}/v1.0/deviceManagement/managedDevices?$top=1`, {
      headers: { authorization: `Bearer ${result.accessToken}` },
    })
    expect(me.status).toBe(200)
    // No request ever left for a Microsoft host: everything went to 127.0.0.1.
    expect(tenant.requestLog().some((r) => r.path.includes('/oauth2/v2.0/token'))).toBe(true)
  })

  it('serves the cached token silently, then refreshes it after expiry', async () => {
    const cached = await pca.acquireTokenSilent({ account, scopes: SCOPES })
    const before = tenant.requestLog().filter((r) => r.path.includes('/oauth2/v2.0/token')).length
    await new Promise((r) => setTimeout(r, 2100))
    const expired = await fetch(`${tenant.graphUrl}/beta/deviceManagement/managedDevices?$top=1`, {
      headers: { authorization: `Bearer ${cached.accessToken}` },
    })
    expect(expired.status).toBe(401)
    const refreshed = await pca.acquireTokenSilent({ account, scopes: SCOPES })
    expect(refreshed.accessToken).not.toBe(cached.accessToken)
    expect(tenant.requestLog().filter((r) => r.path.includes('/oauth2/v2.0/token')).length).toBe(before + 1)
    const ok = await fetch(`${tenant.graphUrl}/beta/deviceManagement/managedDevices?$top=1`, {
      headers: { authorization: `Bearer ${refreshed.accessToken}` },
    })
    expect(ok.status).toBe(200)
  })

  it('maps a revoked refresh token to InteractionRequiredAuthError', async () => {
    tenant.revokeRefreshTokens(account.username)
    // No wait needed: MSAL refreshes any token within 5 minutes of expiry (ours live 2 s).
    const error = await pca.acquireTokenSilent({ account, scopes: SCOPES }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InteractionRequiredAuthError)
    expect(String((error as Error).message)).toContain('AADSTS50173')
  })

  it('signs the Read Only Operator in too', async () => {
    const agent = tenant.agents.find((a) => a.role === 'readOnlyOperator')!
    const result = await pca.acquireTokenInteractive({
      scopes: SCOPES,
      openBrowser: (url) => signInAs(url, agent.upn),
    })
    expect(result.account?.username).toBe(agent.upn)
  })
})

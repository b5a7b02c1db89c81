/** Entra-shaped identity endpoints with a plain HTTP client: discovery, authorize, token errors. */
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

let tenant: DemoTenant
beforeAll(async () => {
  tenant = await startDemoTenant({ devices: 5 })
})
afterAll(async () => {
  await tenant.close()
})

const b64url = (b: Buffer) => b.toString('base64url')
const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>
const REDIRECT = 'http://localhost:53111'

async function authorizeCode(opts: { nonce?: string; responseMode?: string; upn?: string } = {}) {
  const verifier = b64url(randomBytes(32))
  const challenge = b64url(createHash('sha256').update(verifier).digest())
  const q = new URLSearchParams({
    client_id: tenant.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'https://graph.microsoft.com/User.Read openid profile offline_access',
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(opts.nonce ? { nonce: opts.nonce } : {}),
    ...(opts.responseMode ? { response_mode: opts.responseMode } : {}),
  })
  const form = new URLSearchParams(q)
  form.set('upn', opts.upn ?? tenant.agents[0].upn)
  const res = await fetch(`${tenant.authority}/oauth2/v2.0/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  })
  return { res, verifier }
}

const token = (body: Record<string, string>) =>
  fetch(`${tenant.authority}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({ client_id: tenant.clientId, ...body }),
  })

describe('discovery', () => {
  it('serves openid-configuration at both paths and instance discovery', async () => {
    for (const path of ['/v2.0/.well-known/openid-configuration', '/.well-known/openid-configuration']) {
      const cfg = (await (await fetch(`${tenant.authority}${path}`)).json()) as Record<string, string>
      expect(cfg.issuer).toBe(`${tenant.authority}/v2.0`)
      expect(cfg.authorization_endpoint).toBe(`${tenant.authority}/oauth2/v2.0/authorize`)
      expect(cfg.token_endpoint).toBe(`${tenant.authority}/oauth2/v2.0/token`)
      expect(cfg.jwks_uri).toBe(`${tenant.authority}/discovery/v2.0/keys`)
    }
    const organizations = (await (
      await fetch(`${tenant.baseUrl}/organizations/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>
    expect(organizations.token_endpoint).toBe(`${tenant.baseUrl}/organizations/oauth2/v2.0/token`)
    const disco = (await (
      await fetch(`${tenant.baseUrl}/common/discovery/instance?api-version=1.1&authorization_endpoint=x`)
    ).json()) as {
      metadata: { aliases: string[] }[]
    }
    expect(disco.metadata[0].aliases).toEqual([new URL(tenant.baseUrl).host])
  })

  it('400 AADSTS90002 for an unknown tenant', async () => {
    const res = await fetch(
      `${tenant.baseUrl}/11111111-2222-4333-8444-555555555555/v2.0/.well-known/openid-configuration`,
    )
    expect(res.status).toBe(400)
    const body = (await res.json()) as Record<string, unknown>
    expect(body).toMatchObject({ error: 'invalid_request', error_codes: [90002] })
    expect(String(body.error_description)).toMatch(/^AADSTS90002: Tenant/)
    for (const key of ['timestamp', 'trace_id', 'correlation_id']) expect(body).toHaveProperty(key)
  })
})

describe('authorize', () => {
  it('renders one button per agent and keeps the request in hidden fields', async () => {
    const q = new URLSearchParams({
      client_id: tenant.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      state: 'x',
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    })
    const res = await fetch(`${tenant.authority}/oauth2/v2.0/authorize?${q}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    for (const a of tenant.agents) expect(html).toContain(`<button type="submit" name="upn" value="${a.upn}"`)
    expect(html).toContain('<input type="hidden" name="state" value="x">')
    expect(html).not.toMatch(/<script>|onload=|style=/)
    const css = await fetch(`${tenant.baseUrl}/_demo/signin.css`)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('rejects a non-loopback redirect URI with an error page, an unknown client with unauthorized_client', async () => {
    const bad = new URLSearchParams({
      client_id: tenant.clientId,
      redirect_uri: 'https://evil.example/cb',
      response_type: 'code',
    })
    const page = await fetch(`${tenant.authority}/oauth2/v2.0/authorize?${bad}`, { redirect: 'manual' })
    expect(page.status).toBe(400)
    expect(await page.text()).toContain('AADSTS50011')
    const unknown = new URLSearchParams({
      client_id: 'nope',
      redirect_uri: REDIRECT,
      response_type: 'code',
      state: 's',
    })
    const res = await fetch(`${tenant.authority}/oauth2/v2.0/authorize?${unknown}`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location')!)
    expect(location.searchParams.get('error')).toBe('unauthorized_client')
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS700016/)
    expect(location.searchParams.get('state')).toBe('s')
  })

  it('answers form_post with a self-submitting form (no inline script)', async () => {
    const { res } = await authorizeCode({ responseMode: 'form_post' })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(`action="${REDIRECT}"`)
    expect(html).toMatch(/name="code" value="[^"]+"/)
    expect(html).toContain('<script src="/_demo/autosubmit.js"></script>')
  })
})

describe('token endpoint', () => {
  it('redeems a code once with PKCE and returns Entra-shaped tokens', async () => {
    const { res, verifier } = await authorizeCode({ nonce: 'n-123' })
    expect(res.status).toBe(302)
    const location = new URL(res.headers.get('location')!)
    const code = location.searchParams.get('code')!
    expect(location.searchParams.get('state')).toBe('st-1')
    const ok = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    })
    expect(ok.status).toBe(200)
    const body = (await ok.json()) as Record<string, string | number>
    expect(body.token_type).toBe('Bearer')
    expect(body.expires_in).toBe(3600)
    const agent = tenant.agents[0]
    expect(JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString())).toEqual({
      uid: agent.objectId,
      utid: tenant.tenantId,
    })
    expect(decode(String(body.id_token))).toMatchObject({
      aud: tenant.clientId,
      tid: tenant.tenantId,
      oid: agent.objectId,
      preferred_username: agent.upn,
      nonce: 'n-123',
    })
    expect(decode(String(body.access_token))).toMatchObject({
      aud: 'https://graph.microsoft.com',
      tid: tenant.tenantId,
      upn: agent.upn,
      scp: 'User.Read',
    })
    const again = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ error: 'invalid_grant' })
    // Rotating refresh tokens.
    const refreshed = (await (
      await token({ grant_type: 'refresh_token', refresh_token: String(body.refresh_token) })
    ).json()) as Record<string, string>
    expect(refreshed.refresh_token).toBeTruthy()
    expect(refreshed.refresh_token).not.toBe(body.refresh_token)
  })

  it('rejects a wrong PKCE verifier, an unknown client and an unknown grant', async () => {
    const { res } = await authorizeCode()
    const code = new URL(res.headers.get('location')!).searchParams.get('code')!
    const bad = await token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      code_verifier: 'wrong',
    })
    expect(await bad.json()).toMatchObject({ error: 'invalid_grant', error_codes: [501481] })
    const client = await fetch(`${tenant.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: 'x', grant_type: 'refresh_token' }),
    })
    expect(await client.json()).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] })
    expect(await (await token({ grant_type: 'password' })).json()).toMatchObject({
      error: 'unsupported_grant_type',
    })
  })
})

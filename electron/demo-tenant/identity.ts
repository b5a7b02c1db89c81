/**
 * Entra ID look-alike: OIDC discovery, instance discovery, an authorize endpoint with a sign-in page
 * listing the demo agents, and a token endpoint (authorization_code + PKCE S256, refresh_token).
 * Enough for @azure/msal-node's PublicClientApplication; error bodies follow Entra's shape
 * (`error`, `error_description: "AADSTSnnnn: …"`, `error_codes`, `timestamp`, `trace_id`,
 * `correlation_id`) so MSAL maps them the same way (invalid_grant → InteractionRequiredAuthError).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { GRAPH_PERMISSIONS } from '@shared/graph-scopes'
import { b64url, signJwt } from './jwt'
import { escapeHtml, html, json, redirect, type Reply } from './http'
import { page, respond, signInPage } from './identity-pages'

export { AUTOSUBMIT_JS, SIGNIN_CSS } from './identity-pages'
import type { DemoAgent } from './types'

/** Every scope the app needs (domain §2.5, shared/graph-scopes.ts); tokens from issueAccessToken carry all of them. */
export const GRAPH_SCOPES = GRAPH_PERMISSIONS
const GRAPH_RESOURCE = 'https://graph.microsoft.com'
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email'])
const CODE_TTL_MS = 10 * 60_000

interface PendingCode {
  readonly upn: string
  readonly clientId: string
  readonly redirectUri: string
  readonly challenge: string | null
  readonly scopes: readonly string[]
  readonly nonce: string | null
  readonly expiresAt: number
}

interface RefreshGrant {
  readonly upn: string
  readonly clientId: string
  readonly scopes: readonly string[]
  readonly expiresAt: number
  revoked: boolean
}

export interface IdentityConfig {
  readonly baseUrl: () => string
  readonly tenantId: string
  readonly clientId: string
  readonly agents: readonly DemoAgent[]
  readonly secret: Buffer
  readonly accessTokenLifetimeSeconds: number
  readonly refreshTokenLifetimeSeconds: number
  readonly consentRequired: () => boolean
}

export function entraError(
  status: number,
  error: string,
  code: number,
  message: string,
  extra: Record<string, unknown> = {},
): Reply {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...extra,
  })
}

/**
 * Entra marks unusable refresh tokens with `suberror: "bad_token"` (seen with AADSTS700081 and
 * AADSTS70000, AzureAD/microsoft-authentication-library-for-js#3760, PR #6757): MSAL then throws
 * InteractionRequiredAuthError and drops the refresh token from its cache.
 */
const BAD_TOKEN = { suberror: 'bad_token' }

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^?#]*)?$/

export class Identity {
  private readonly codes = new Map<string, PendingCode>()
  private readonly refreshTokens = new Map<string, RefreshGrant>()

  constructor(private readonly cfg: IdentityConfig) {}

  get issuer(): string {
    return `${this.cfg.baseUrl()}/${this.cfg.tenantId}/v2.0`
  }

  /** `tenant` is the path segment: our GUID, or 'organizations'/'common' as MSAL may use. */
  knowsTenant(tenant: string): boolean {
    return (
      tenant.toLowerCase() === this.cfg.tenantId.toLowerCase() ||
      tenant === 'organizations' ||
      tenant === 'common'
    )
  }

  tenantNotFound(tenant: string): Reply {
    return entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    )
  }

  openIdConfiguration(tenant = this.cfg.tenantId): Record<string, unknown> {
    const base = this.cfg.baseUrl()
    const t = tenant
    return {
      token_endpoint: `${base}/${t}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${t}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['HS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: this.issuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${base}/${t}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${t}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${t}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'oid',
        'upn',
      ],
      kerberos_endpoint: `${base}/${t}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(base).host,
      cloud_graph_host_name: new URL(base).host,
      msgraph_host: new URL(base).host,
      rbac_url: base,
    }
  }

  instanceDiscovery(): Record<string, unknown> {
    const host = new URL(this.cfg.baseUrl()).host
    return {
      tenant_discovery_endpoint: `${this.cfg.baseUrl()}/${this.cfg.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }
  }

  /** GET authorize: validates and renders the agent picker. */
  authorize(tenant: string, q: URLSearchParams): Reply {
    if (!this.knowsTenant(tenant)) return this.tenantNotFound(tenant)
    const invalid = this.validateAuthorize(q)
    if (invalid) return invalid
    if (q.get('prompt') === 'none') {
      return this.redirectError(
        q,
        'login_required',
        50058,
        'A silent sign-in request was sent but no user is signed in.',
      )
    }
    return html(200, signInPage(this.cfg.tenantId, this.cfg.agents, tenant, q))
  }

  /** POST authorize: the agent picked on the page → code, redirect to the loopback URI. */
  completeSignIn(tenant: string, form: URLSearchParams): Reply {
    if (!this.knowsTenant(tenant)) return this.tenantNotFound(tenant)
    const invalid = this.validateAuthorize(form)
    if (invalid) return invalid
    const agent = this.cfg.agents.find((a) => a.upn.toLowerCase() === (form.get('upn') ?? '').toLowerCase())
    if (!agent)
      return html(
        400,
        page(
          'Compte inconnu / Unknown account',
          '<p>AADSTS50034: The user account does not exist in this directory.</p>',
        ),
      )
    const code = b64url(randomBytes(32))
    this.codes.set(code, {
      upn: agent.upn,
      clientId: form.get('client_id') ?? '',
      redirectUri: form.get('redirect_uri') ?? '',
      challenge: form.get('code_challenge'),
      scopes: (form.get('scope') ?? '').split(/\s+/).filter(Boolean),
      nonce: form.get('nonce'),
      expiresAt: Date.now() + CODE_TTL_MS,
    })
    const params: Record<string, string> = { code }
    const state = form.get('state')
    if (state !== null) params.state = state
    params.client_info = this.clientInfo(agent)
    params.session_state = randomUUID()
    return respond(form, params)
  }

  private validateAuthorize(q: URLSearchParams): Reply | undefined {
    const redirectUri = q.get('redirect_uri') ?? ''
    if (!LOOPBACK.test(redirectUri)) {
      return html(
        400,
        page(
          'Erreur de connexion / Sign-in error',
          `<p>AADSTS50011: The redirect URI '${escapeHtml(redirectUri)}' specified in the request does not match the redirect URIs configured for the application. Only http://localhost and http://127.0.0.1 (any port) are registered.</p>`,
        ),
      )
    }
    if (q.get('client_id') !== this.cfg.clientId) {
      return this.redirectError(
        q,
        'unauthorized_client',
        700016,
        `Application with identifier '${q.get('client_id') ?? ''}' was not found in the directory 'Contoso Demo'.`,
      )
    }
    if (q.get('response_type') !== 'code') {
      return this.redirectError(q, 'unsupported_response_type', 700054, "response_type 'code' is required.")
    }
    const method = q.get('code_challenge_method')
    if (q.get('code_challenge') && method !== 'S256') {
      return this.redirectError(q, 'invalid_request', 50146, 'Only code_challenge_method S256 is supported.')
    }
    return undefined
  }

  private redirectError(q: URLSearchParams, error: string, code: number, message: string): Reply {
    const params: Record<string, string> = { error, error_description: `AADSTS${code}: ${message}` }
    const state = q.get('state')
    if (state !== null) params.state = state
    return respond(q, params)
  }

  private clientInfo(agent: DemoAgent): string {
    return b64url(JSON.stringify({ uid: agent.objectId, utid: this.cfg.tenantId }))
  }

  /** Access token for Graph (also used by issueAccessToken). */
  accessToken(
    agent: DemoAgent,
    scopes: readonly string[],
    lifetimeSeconds = this.cfg.accessTokenLifetimeSeconds,
  ): string {
    const now = Math.floor(Date.now() / 1000)
    return signJwt(
      {
        aud: GRAPH_RESOURCE,
        iss: this.issuer,
        iat: now,
        nbf: now,
        exp: now + lifetimeSeconds,
        appid: this.cfg.clientId,
        app_displayname: 'Passcode Desk',
        idtyp: 'user',
        name: agent.displayName,
        oid: agent.objectId,
        scp: scopes.join(' '),
        sub: agent.objectId,
        tid: this.cfg.tenantId,
        unique_name: agent.upn,
        upn: agent.upn,
        ver: '1.0',
        uti: b64url(randomBytes(12)),
      },
      this.cfg.secret,
      'demo-graph',
    )
  }

  private idToken(agent: DemoAgent, nonce: string | null): string {
    const now = Math.floor(Date.now() / 1000)
    return signJwt(
      {
        aud: this.cfg.clientId,
        iss: this.issuer,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: agent.displayName,
        oid: agent.objectId,
        preferred_username: agent.upn,
        upn: agent.upn,
        sub: b64url(
          createHash('sha256')
            .update(agent.objectId + this.cfg.clientId)
            .digest(),
        ).slice(0, 43),
        tid: this.cfg.tenantId,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      },
      this.cfg.secret,
      'demo-id',
    )
  }

  /** POST token. */
  token(tenant: string, form: URLSearchParams): Reply {
    if (!this.knowsTenant(tenant)) return this.tenantNotFound(tenant)
    const clientId = form.get('client_id') ?? ''
    if (clientId !== this.cfg.clientId) {
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory 'Contoso Demo'.`,
      )
    }
    if (this.cfg.consentRequired()) {
      return entraError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${clientId}' named 'Passcode Desk'. Send an interactive authorization request for this user and resource.`,
        { suberror: 'consent_required' },
      )
    }
    const grant = form.get('grant_type')
    if (grant === 'authorization_code') return this.redeemCode(form)
    if (grant === 'refresh_token') return this.redeemRefresh(form)
    return entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant ?? ''}'.`,
    )
  }

  private redeemCode(form: URLSearchParams): Reply {
    const code = form.get('code') ?? ''
    const pending = this.codes.get(code)
    // Single use: a redeemed or unknown code is gone.
    this.codes.delete(code)
    if (!pending || pending.expiresAt < Date.now()) {
      return entraError(
        400,
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
      )
    }
    if (pending.clientId !== form.get('client_id')) {
      return entraError(
        400,
        'invalid_grant',
        70000,
        'The provided authorization code was issued to another client.',
      )
    }
    if (pending.redirectUri !== form.get('redirect_uri')) {
      return entraError(
        400,
        'invalid_grant',
        500112,
        'The reply address does not match the reply address that was provided when requesting the authorization code.',
      )
    }
    if (pending.challenge !== null) {
      const verifier = form.get('code_verifier') ?? ''
      if (b64url(createHash('sha256').update(verifier).digest()) !== pending.challenge) {
        return entraError(
          400,
          'invalid_grant',
          501481,
          'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
        )
      }
    }
    return this.issue(pending.upn, pending.clientId, pending.scopes, pending.nonce)
  }

  private redeemRefresh(form: URLSearchParams): Reply {
    const token = form.get('refresh_token') ?? ''
    const grant = this.refreshTokens.get(token)
    if (!grant)
      return entraError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.')
    if (grant.revoked) {
      return entraError(
        400,
        'invalid_grant',
        50173,
        'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
        BAD_TOKEN,
      )
    }
    if (grant.expiresAt < Date.now()) {
      return entraError(
        400,
        'invalid_grant',
        700082,
        'The refresh token has expired due to inactivity.',
        BAD_TOKEN,
      )
    }
    if (grant.clientId !== form.get('client_id')) {
      return entraError(400, 'invalid_grant', 70000, 'The refresh token was issued to another client.')
    }
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean)
    return this.issue(grant.upn, grant.clientId, requested.length > 0 ? requested : grant.scopes, null)
  }

  private issue(upn: string, clientId: string, requested: readonly string[], nonce: string | null): Reply {
    const agent = this.cfg.agents.find((a) => a.upn === upn)
    if (!agent)
      return entraError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.')
    const graphScopes = grantedGraphScopes(requested)
    const refresh = b64url(randomBytes(48))
    // Rotating: every redemption hands out a new refresh token (older ones stay valid until expiry, as Entra's do).
    this.refreshTokens.set(refresh, {
      upn,
      clientId,
      scopes: requested,
      expiresAt: Date.now() + this.cfg.refreshTokenLifetimeSeconds * 1000,
      revoked: false,
    })
    const resourceScopes = requested.filter((s) => !OIDC_SCOPES.has(s))
    const oidc = requested.filter((s) => OIDC_SCOPES.has(s))
    return json(
      200,
      {
        token_type: 'Bearer',
        scope: [...resourceScopes, ...oidc].join(' '),
        expires_in: this.cfg.accessTokenLifetimeSeconds,
        ext_expires_in: this.cfg.accessTokenLifetimeSeconds,
        access_token: this.accessToken(agent, graphScopes),
        refresh_token: refresh,
        id_token: this.idToken(agent, nonce),
        client_info: this.clientInfo(agent),
      },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    )
  }

  revokeRefreshTokens(upn: string): void {
    for (const grant of this.refreshTokens.values())
      if (grant.upn.toLowerCase() === upn.toLowerCase()) grant.revoked = true
  }

  logout(q: URLSearchParams): Reply {
    const target = q.get('post_logout_redirect_uri')
    if (target && LOOPBACK.test(target)) return redirect(target)
    return html(200, page('Déconnecté / Signed out', '<p>Vous êtes déconnecté. You are signed out.</p>'))
  }
}

/** Graph scopes a token grants: full URIs or bare names; `.default` means every app scope. */
export function grantedGraphScopes(requested: readonly string[]): string[] {
  const out = new Set<string>()
  for (const s of requested) {
    if (OIDC_SCOPES.has(s)) continue
    // Any resource URI prefix (Graph's, a national cloud's, this tenant's own) names Graph here.
    const bare = /^https?:\/\/[^/]+\/(.+)$/.exec(s)?.[1] ?? s
    if (bare === '.default') GRAPH_SCOPES.forEach((g) => out.add(g))
    else if (bare) out.add(bare)
  }
  return [...out]
}

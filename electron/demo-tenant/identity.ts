/**
 * Entra ID look-alike: OIDC discovery, instance discovery, an authorize endpoint with a sign-in page
 * listing the demo agents, and a token endpoint (authorization_code + PKCE S256, refresh_token).
 * Enough for @azure/msal-node's PublicClientApplication; error bodies follow Entra's shape
 * (`entra-error.ts`). This file validates the authorize request and dispatches the token grants;
 * codes and refresh tokens live in `identity-grants.ts`, token signing in `identity-tokens.ts`.
 */
import { randomUUID } from 'node:crypto'
import { entraError } from './entra-error'
import { html, redirect, escapeHtml, type Reply } from './http'
import { instanceDiscovery, openIdConfiguration } from './identity-discovery'
import { Grants } from './identity-grants'
import { page, respond, signInPage } from './identity-pages'
import { clientInfo, signAccessToken, type TokenSigner } from './identity-tokens'
import type { DemoAgent } from './types'

export { AUTOSUBMIT_JS, SIGNIN_CSS } from './identity-pages'
export { entraError } from './entra-error'
export { GRAPH_SCOPES, grantedGraphScopes } from './identity-scopes'

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

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?(\/[^?#]*)?$/

export class Identity {
  private readonly grants: Grants

  constructor(private readonly cfg: IdentityConfig) {
    this.grants = new Grants({
      signer: () => this.signer(),
      agents: cfg.agents,
      accessTokenLifetimeSeconds: cfg.accessTokenLifetimeSeconds,
      refreshTokenLifetimeSeconds: cfg.refreshTokenLifetimeSeconds,
    })
  }

  get issuer(): string {
    return `${this.cfg.baseUrl()}/${this.cfg.tenantId}/v2.0`
  }

  private signer(): TokenSigner {
    return {
      issuer: this.issuer,
      tenantId: this.cfg.tenantId,
      clientId: this.cfg.clientId,
      secret: this.cfg.secret,
    }
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
    return openIdConfiguration(this.cfg.baseUrl(), tenant, this.issuer)
  }

  instanceDiscovery(): Record<string, unknown> {
    return instanceDiscovery(this.cfg.baseUrl(), this.cfg.tenantId)
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
    const code = this.grants.newCode({
      upn: agent.upn,
      clientId: form.get('client_id') ?? '',
      redirectUri: form.get('redirect_uri') ?? '',
      challenge: form.get('code_challenge'),
      scopes: (form.get('scope') ?? '').split(/\s+/).filter(Boolean),
      nonce: form.get('nonce'),
    })
    const params: Record<string, string> = { code }
    const state = form.get('state')
    if (state !== null) params.state = state
    params.client_info = clientInfo(agent, this.cfg.tenantId)
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

  /** Access token for Graph (also used by issueAccessToken). */
  accessToken(
    agent: DemoAgent,
    scopes: readonly string[],
    lifetimeSeconds = this.cfg.accessTokenLifetimeSeconds,
  ): string {
    return signAccessToken(this.signer(), agent, scopes, lifetimeSeconds)
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
    if (grant === 'authorization_code') return this.grants.redeemCode(form)
    if (grant === 'refresh_token') return this.grants.redeemRefresh(form)
    return entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grant ?? ''}'.`,
    )
  }

  revokeRefreshTokens(upn: string): void {
    this.grants.revoke(upn)
  }

  logout(q: URLSearchParams): Reply {
    const target = q.get('post_logout_redirect_uri')
    if (target && LOOPBACK.test(target)) return redirect(target)
    return html(200, page('Déconnecté / Signed out', '<p>Vous êtes déconnecté. You are signed out.</p>'))
  }
}

/**
 * The token endpoint's memory: single-use authorization codes (PKCE S256) and rotating refresh
 * tokens, and the redemption rules with Entra's AADSTS codes for each refusal.
 */
import { createHash, randomBytes } from 'node:crypto'
import { BAD_TOKEN, entraError } from './entra-error'
import { json, type Reply } from './http'
import { grantedGraphScopes, OIDC_SCOPES } from './identity-scopes'
import { clientInfo, signAccessToken, signIdToken, type TokenSigner } from './identity-tokens'
import { b64url } from './jwt'
import type { DemoAgent } from './types'

const CODE_TTL_MS = 10 * 60_000

export interface PendingCode {
  readonly upn: string
  readonly clientId: string
  readonly redirectUri: string
  readonly challenge: string | null
  readonly scopes: readonly string[]
  readonly nonce: string | null
}

interface StoredCode extends PendingCode {
  readonly expiresAt: number
}

interface RefreshGrant {
  readonly upn: string
  readonly clientId: string
  readonly scopes: readonly string[]
  readonly expiresAt: number
  revoked: boolean
}

export interface GrantsConfig {
  readonly signer: () => TokenSigner
  readonly agents: readonly DemoAgent[]
  readonly accessTokenLifetimeSeconds: number
  readonly refreshTokenLifetimeSeconds: number
}

export class Grants {
  private readonly codes = new Map<string, StoredCode>()
  private readonly refreshTokens = new Map<string, RefreshGrant>()

  constructor(private readonly cfg: GrantsConfig) {}

  /** A new authorization code for the agent picked on the sign-in page. */
  newCode(pending: PendingCode): string {
    const code = b64url(randomBytes(32))
    this.codes.set(code, { ...pending, expiresAt: Date.now() + CODE_TTL_MS })
    return code
  }

  redeemCode(form: URLSearchParams): Reply {
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

  redeemRefresh(form: URLSearchParams): Reply {
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

  revoke(upn: string): void {
    for (const grant of this.refreshTokens.values())
      if (grant.upn.toLowerCase() === upn.toLowerCase()) grant.revoked = true
  }

  private issue(upn: string, clientId: string, requested: readonly string[], nonce: string | null): Reply {
    const agent = this.cfg.agents.find((a) => a.upn === upn)
    if (!agent)
      return entraError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.')
    const signer = this.cfg.signer()
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
    const lifetime = this.cfg.accessTokenLifetimeSeconds
    return json(
      200,
      {
        token_type: 'Bearer',
        scope: [...resourceScopes, ...oidc].join(' '),
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: signAccessToken(signer, agent, graphScopes, lifetime),
        refresh_token: refresh,
        id_token: signIdToken(signer, agent, nonce),
        client_info: clientInfo(agent, signer.tenantId),
      },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    )
  }
}

/** The tokens the demo Entra signs (HS256 with the tenant's per-instance secret): Graph access, ID, client_info. */
import { createHash, randomBytes } from 'node:crypto'
import { GRAPH_RESOURCE } from './identity-scopes'
import { b64url, signJwt } from './jwt'
import type { DemoAgent } from './types'

export interface TokenSigner {
  readonly issuer: string
  readonly tenantId: string
  readonly clientId: string
  readonly secret: Buffer
}

export function signAccessToken(
  s: TokenSigner,
  agent: DemoAgent,
  scopes: readonly string[],
  lifetimeSeconds: number,
): string {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    {
      aud: GRAPH_RESOURCE,
      iss: s.issuer,
      iat: now,
      nbf: now,
      exp: now + lifetimeSeconds,
      appid: s.clientId,
      app_displayname: 'Passcode Desk',
      idtyp: 'user',
      name: agent.displayName,
      oid: agent.objectId,
      scp: scopes.join(' '),
      sub: agent.objectId,
      tid: s.tenantId,
      unique_name: agent.upn,
      upn: agent.upn,
      ver: '1.0',
      uti: b64url(randomBytes(12)),
    },
    s.secret,
    'demo-graph',
  )
}

export function signIdToken(s: TokenSigner, agent: DemoAgent, nonce: string | null): string {
  const now = Math.floor(Date.now() / 1000)
  return signJwt(
    {
      aud: s.clientId,
      iss: s.issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: agent.displayName,
      oid: agent.objectId,
      preferred_username: agent.upn,
      upn: agent.upn,
      sub: b64url(
        createHash('sha256')
          .update(agent.objectId + s.clientId)
          .digest(),
      ).slice(0, 43),
      tid: s.tenantId,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    },
    s.secret,
    'demo-id',
  )
}

/** MSAL's `client_info`: base64url JSON of the user's object id and tenant id. */
export function clientInfo(agent: DemoAgent, tenantId: string): string {
  return b64url(JSON.stringify({ uid: agent.objectId, utid: tenantId }))
}

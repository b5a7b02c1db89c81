/**
 * Who is calling the demo tenant's Graph: the bearer token is checked as Graph does (signature,
 * tenant, audience, lifetime → 401 InvalidAuthenticationToken with a WWW-Authenticate challenge),
 * then each endpoint checks the token's `scp` and the agent's Intune role (403 Forbidden).
 */
import { fail, type GraphRequest } from './graph-query'
import { verifyJwt } from './jwt'
import { hasPermission } from './permissions'
import type { GraphConfig } from './graph-context'
import type { DemoAgent } from './types'

export interface Caller {
  readonly agent: DemoAgent
  readonly scopes: Set<string>
}

type AuthConfig = Pick<GraphConfig, 'secret' | 'tenantId' | 'agents' | 'graphUrl'>

export function authenticate(req: GraphRequest, cfg: AuthConfig): Caller {
  const header = String(req.headers.authorization ?? '')
  const www = {
    'www-authenticate': `Bearer realm="", authorization_uri="${cfg.graphUrl()}/${cfg.tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
  }
  const m = /^Bearer\s+(\S+)$/i.exec(header)
  if (!m) fail(401, 'InvalidAuthenticationToken', 'Access token is empty.', req, www)
  const claims = verifyJwt(m[1], cfg.secret)
  if (!claims || claims.tid !== cfg.tenantId) {
    fail(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid signature or issuer.',
      req,
      www,
    )
  }
  if (claims.aud !== 'https://graph.microsoft.com' && claims.aud !== '00000003-0000-0000-c000-000000000000') {
    fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', req, www)
  }
  const now = Date.now() / 1000
  if (typeof claims.exp !== 'number' || claims.exp <= now) {
    fail(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', req, www)
  }
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) {
    fail(
      401,
      'InvalidAuthenticationToken',
      'Lifetime validation failed, the token is not yet valid.',
      req,
      www,
    )
  }
  const agent = cfg.agents.find((a) => a.objectId === claims.oid)
  if (!agent)
    fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Unknown user.', req, www)
  return {
    agent,
    scopes: new Set(
      String(claims.scp ?? '')
        .split(' ')
        .filter(Boolean),
    ),
  }
}

export function requireScope(
  scopes: ReadonlySet<string>,
  needed: readonly string[],
  req: GraphRequest,
): void {
  if (needed.some((s) => scopes.has(s))) return
  fail(
    403,
    'Forbidden',
    `Application is not authorized to perform this operation. Application must have one of the following scopes: ${needed.join(', ')} - Operation ID (for customer support): ${req.requestId}`,
    req,
  )
}

export function requirePermission(agent: DemoAgent, permission: string, req: GraphRequest): void {
  if (hasPermission(agent.role, permission)) return
  denyPermission(agent, permission, req)
}

/** Intune's 403 for a permission the agent's role assignments lack. */
export function denyPermission(agent: DemoAgent, permission: string, req: GraphRequest): never {
  fail(
    403,
    'Forbidden',
    `The user '${agent.upn}' is not authorized to perform this operation: the Intune permission '${permission}' is missing from their role assignments. - Operation ID (for customer support): ${req.requestId}`,
    req,
  )
}

/** The token's `appid` (the audit records which app sent an action). */
export function clientIdOf(req: GraphRequest, secret: Buffer): string {
  const claims = verifyJwt(String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''), secret)
  return String(claims?.appid ?? '')
}

/** Routes the Entra look-alike's paths (discovery, authorize, token, logout) and the sign-in page assets. */
import type { Reply } from './http'
import { AUTOSUBMIT_JS, entraError, type Identity, SIGNIN_CSS } from './identity'

export function routeIdentity(
  identity: Identity,
  tenantId: string,
  method: string,
  url: URL,
  body: string,
): Reply {
  const p = url.pathname
  if (p === '/_demo/signin.css') {
    return { status: 200, body: SIGNIN_CSS, headers: { 'content-type': 'text/css; charset=utf-8' } }
  }
  if (p === '/_demo/autosubmit.js') {
    return {
      status: 200,
      body: AUTOSUBMIT_JS,
      headers: { 'content-type': 'text/javascript; charset=utf-8' },
    }
  }
  if (p === '/common/discovery/instance' || p === `/${tenantId}/discovery/instance`) {
    return {
      status: 200,
      body: identity.instanceDiscovery(),
      headers: { 'content-type': 'application/json; charset=utf-8' },
    }
  }
  const m =
    /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/(authorize|token|logout))$/.exec(
      p,
    )
  if (!m)
    return {
      status: 404,
      body: { error: 'not_found', error_description: `No route for ${method} ${p}` },
      headers: { 'content-type': 'application/json' },
    }
  const tenant = decodeURIComponent(m[1])
  if (!identity.knowsTenant(tenant)) return identity.tenantNotFound(tenant)
  const form = new URLSearchParams(body)
  switch (m[2]) {
    case 'v2.0/.well-known/openid-configuration':
    case '.well-known/openid-configuration':
      return {
        status: 200,
        body: identity.openIdConfiguration(tenant),
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }
    case 'discovery/v2.0/keys':
      // HS256 tokens: no public key to publish (MSAL does not verify signatures).
      return {
        status: 200,
        body: { keys: [] },
        headers: { 'content-type': 'application/json; charset=utf-8' },
      }
    case 'oauth2/v2.0/authorize':
      return method === 'POST'
        ? identity.completeSignIn(tenant, form)
        : identity.authorize(tenant, url.searchParams)
    case 'oauth2/v2.0/token':
      if (method !== 'POST')
        return entraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.')
      return identity.token(tenant, form)
    default:
      return identity.logout(url.searchParams)
  }
}

/** The Graph scopes the demo tenant grants, and how a requested scope list maps onto them. */
import { GRAPH_PERMISSIONS } from '@shared/graph-scopes'

/** Every scope the app needs (domain §2.5, shared/graph-scopes.ts); tokens from issueAccessToken carry all of them. */
export const GRAPH_SCOPES = GRAPH_PERMISSIONS

export const GRAPH_RESOURCE = 'https://graph.microsoft.com'
export const OIDC_SCOPES: ReadonlySet<string> = new Set(['openid', 'profile', 'offline_access', 'email'])

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

import type { Cloud } from '@shared/api/schemas/profiles'
import { GRAPH_PERMISSIONS } from '@shared/graph-scopes'

export interface CloudEndpoints {
  /** Entra ID host, no trailing slash. */
  readonly loginHost: string
  /** Graph root without version, no trailing slash. */
  readonly graphBaseUrl: string
}

/**
 * National cloud endpoints (domain §5, from learn.microsoft.com/graph/deployments): each cloud has
 * its own Entra ID and Graph, apps are registered per cloud and tokens are not interchangeable.
 * GCC (moderate) uses the Global endpoints; GCC High and DoD share login.microsoftonline.us but
 * not Graph; China (21Vianet) signs in at login.chinacloudapi.cn.
 */
export const CLOUD_ENDPOINTS: Readonly<Record<Cloud, CloudEndpoints>> = {
  global: { loginHost: 'https://login.microsoftonline.com', graphBaseUrl: 'https://graph.microsoft.com' },
  usGovHigh: { loginHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://graph.microsoft.us' },
  usGovDod: { loginHost: 'https://login.microsoftonline.us', graphBaseUrl: 'https://dod-graph.microsoft.us' },
  china: {
    loginHost: 'https://login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
  },
}

/**
 * Scopes for a token request. Outside the Global cloud a scope must name that cloud's Graph host
 * ("fully-qualified scopes must use that cloud's Graph host", learn.microsoft.com/graph/sdks/national-clouds);
 * in the Global cloud (and the demo tenant, which stands in for it) short names mean Graph.
 */
export function graphScopes(graphBaseUrl: string, qualify: boolean): string[] {
  return GRAPH_PERMISSIONS.map((p) => (qualify ? `${graphBaseUrl}/${p}` : p))
}

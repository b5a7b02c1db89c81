import type { Configuration, ICachePlugin } from '@azure/msal-node'
import { LogLevel } from '@azure/msal-node'
import { CodedError } from '@shared/errors'
import type { Logger } from '../log'
import { createFetchNetworkClient } from '../net/msal-network'

/** Where one profile signs in and which Graph it calls. */
export interface TenantEndpoints {
  /** `https://login.microsoftonline.com/<tenantId>`, or the demo tenant's `http://127.0.0.1:PORT/<tenantId>`. */
  readonly authority: string
  /** Graph root without version: `https://graph.microsoft.com`, or the demo tenant's. */
  readonly graphBaseUrl: string
  readonly tenantId: string
  readonly clientId: string
  /** National clouds need scopes qualified with their Graph host (domain §5). */
  readonly qualifyScopes: boolean
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname)
  } catch {
    return false
  }
}

async function fetchJson(
  doFetch: typeof fetch,
  url: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs) })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return (await response.json()) as Record<string, unknown>
}

/**
 * MSAL configuration for one profile.
 *
 * Real clouds: the standard configuration (https authority, MSAL discovers the endpoints).
 *
 * Loopback (the embedded demo tenant, tests): MSAL refuses an http authority ("Authority URIs must
 * use https", domain §4.4), so MSAL is given the same address with an https scheme as a *name*,
 * trusted through `knownAuthorities`, together with the tenant's own openid-configuration
 * (`authorityMetadata`, whose endpoints are the real http ones) and instance-discovery document
 * (`cloudDiscoveryMetadata`). MSAL then never fetches the https name; msal-node's fetch-based HTTP
 * client calls the http endpoints as given. Only loopback hosts get this treatment: pointing at the
 * demo tenant changes a base URL and an authority, nothing else.
 */
export async function buildMsalConfiguration(
  endpoints: TenantEndpoints,
  cachePlugin: ICachePlugin | undefined,
  log: Logger,
  /** The host's fetch (Electron: net.fetch); MSAL's own HTTP client otherwise. */
  doFetch?: typeof fetch,
): Promise<Configuration> {
  const system: Configuration['system'] = {
    ...(doFetch ? { networkClient: createFetchNetworkClient(doFetch) } : {}),
    loggerOptions: {
      // MSAL's own log lines can quote URLs with state/code; keep only warnings, without PII.
      piiLoggingEnabled: false,
      logLevel: LogLevel.Warning,
      loggerCallback: (level, message) => {
        if (level <= LogLevel.Warning) log.warn('msal', { message: message.slice(0, 500) })
      },
    },
  }
  const cache = cachePlugin ? { cachePlugin } : undefined
  const authorityUrl = new URL(endpoints.authority)
  if (authorityUrl.protocol === 'https:') {
    return { auth: { clientId: endpoints.clientId, authority: endpoints.authority }, cache, system }
  }
  if (authorityUrl.protocol !== 'http:' || !isLoopbackUrl(endpoints.authority)) {
    throw new CodedError('PROFILE_INVALID', 'An authority must use https (http is only accepted on loopback)')
  }
  const base = endpoints.authority.replace(/\/+$/, '')
  const host = authorityUrl.host
  let openIdConfiguration: Record<string, unknown>
  let instanceDiscovery: Record<string, unknown>
  try {
    openIdConfiguration = await fetchJson(
      doFetch ?? fetch,
      `${base}/v2.0/.well-known/openid-configuration`,
      5_000,
    )
  } catch (error) {
    throw new CodedError('OFFLINE', 'The demo tenant is not reachable', undefined, { cause: error })
  }
  try {
    instanceDiscovery = await fetchJson(
      doFetch ?? fetch,
      `${authorityUrl.origin}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(
        `https://${host}${authorityUrl.pathname}/oauth2/v2.0/authorize`,
      )}`,
      5_000,
    )
  } catch {
    // Not every local IdP serves discovery: describe the one host ourselves.
    instanceDiscovery = {
      tenant_discovery_endpoint: `https://${host}${authorityUrl.pathname}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }
  }
  return {
    auth: {
      clientId: endpoints.clientId,
      authority: `https://${host}${authorityUrl.pathname}`,
      knownAuthorities: [host],
      authorityMetadata: JSON.stringify(openIdConfiguration),
      cloudDiscoveryMetadata: JSON.stringify(instanceDiscovery),
    },
    cache,
    system,
  }
}

/**
 * The MSAL Node configuration that works against the demo tenant (verified by
 * tests/integration/demo-tenant/msal-flow.test.ts with @azure/msal-node 7.2).
 * MSAL insists on an https authority (authority_uri_insecure), so the authority is the https form
 * of our host; `knownAuthorities` + `cloudDiscoveryMetadata` + `authorityMetadata` stop MSAL from
 * fetching anything, and the metadata's endpoints are http://127.0.0.1 URLs, which msal-node 7's
 * default fetch-based HttpClient calls as they are. No custom networkClient is needed.
 */
export interface DemoMsalAuth {
  readonly clientId: string
  readonly authority: string
  readonly knownAuthorities: string[]
  readonly cloudDiscoveryMetadata: string
  readonly authorityMetadata: string
}

export function msalConfigFor(tenant: {
  readonly baseUrl: string
  readonly tenantId: string
  readonly clientId: string
  openIdConfiguration(): Record<string, unknown>
  instanceDiscovery(): Record<string, unknown>
}): DemoMsalAuth {
  const host = new URL(tenant.baseUrl).host
  return {
    clientId: tenant.clientId,
    authority: `https://${host}/${tenant.tenantId}`,
    knownAuthorities: [host],
    cloudDiscoveryMetadata: JSON.stringify(tenant.instanceDiscovery()),
    authorityMetadata: JSON.stringify(tenant.openIdConfiguration()),
  }
}

/** OIDC discovery and instance discovery documents, in Entra's shape, pointing at this tenant. */

export function openIdConfiguration(base: string, tenant: string, issuer: string): Record<string, unknown> {
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
    issuer,
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

export function instanceDiscovery(base: string, tenantId: string): Record<string, unknown> {
  const host = new URL(base).host
  return {
    tenant_discovery_endpoint: `${base}/${tenantId}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  }
}

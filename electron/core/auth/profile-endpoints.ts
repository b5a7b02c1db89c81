import { CLOUD_ENDPOINTS } from '../profiles/clouds'
import type { TenantProfile } from '../profiles/store'
import type { TenantEndpoints } from './endpoints'

/** A tenant profile's sign-in and Graph, from its cloud (domain §5). */
export function endpointsForProfile(profile: TenantProfile): TenantEndpoints {
  const cloud = CLOUD_ENDPOINTS[profile.cloud]
  return {
    authority: `${cloud.loginHost}/${profile.tenantId}`,
    graphBaseUrl: cloud.graphBaseUrl,
    tenantId: profile.tenantId,
    clientId: profile.clientId,
    qualifyScopes: profile.cloud !== 'global',
  }
}

/** An edited profile pointing elsewhere needs a new MSAL app (its cache belongs to the old one). */
export function sameEndpoints(a: TenantEndpoints, b: TenantEndpoints): boolean {
  return (
    a.authority === b.authority &&
    a.clientId === b.clientId &&
    a.graphBaseUrl === b.graphBaseUrl &&
    a.tenantId === b.tenantId
  )
}

import type { Cloud } from '@shared/api/schemas/profiles'

/** A tenant profile as stored in `<dataDir>/profiles.json` (no secret: a public client has none). */
export interface TenantProfile {
  readonly id: string
  readonly name: string
  readonly tenantId: string
  readonly clientId: string
  readonly cloud: Cloud
}

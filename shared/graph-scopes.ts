/**
 * Delegated Graph permissions the app asks for (domain §2.5; README "Connecting a real tenant"),
 * in one place: core requests them at sign-in (electron/core/profiles/clouds.ts) and the demo
 * tenant grants them (electron/demo-tenant/identity.ts), so the two cannot drift apart. MSAL adds
 * openid/profile/offline_access itself.
 */
export const GRAPH_PERMISSIONS = [
  'DeviceManagementManagedDevices.Read.All',
  'DeviceManagementManagedDevices.PrivilegedOperations.All',
  'DeviceManagementApps.Read.All',
  'DeviceManagementRBAC.Read.All',
  'User.Read',
] as const

export type GraphPermission = (typeof GRAPH_PERMISSIONS)[number]

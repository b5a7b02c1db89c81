/**
 * The managedDevice properties the cache needs ($select keeps pages small: a full beta record is
 * several KB). Beta first: deviceType, ownerType and joinType, and the Android Enterprise / AOSP
 * members of deviceEnrollmentType, exist only in beta and matter for eligibility (domain §2.1–2.2,
 * §6). v1.0 is the fallback when beta refuses the request (reference/graph/managed-device-schema.json).
 */
const COMMON_FIELDS = [
  'id',
  'deviceName',
  'userId',
  'userPrincipalName',
  'userDisplayName',
  'emailAddress',
  'serialNumber',
  'imei',
  'meid',
  'phoneNumber',
  'model',
  'manufacturer',
  'operatingSystem',
  'osVersion',
  'deviceEnrollmentType',
  'managementAgent',
  'managedDeviceOwnerType',
  'managementState',
  'complianceState',
  'isSupervised',
  'lastSyncDateTime',
  'enrolledDateTime',
  'azureADDeviceId',
] as const

export const BETA_FIELDS = [...COMMON_FIELDS, 'deviceType', 'ownerType', 'joinType'] as const
export const V1_FIELDS = COMMON_FIELDS

export const PAGE_SIZE = 1000

export function listPath(version: 'beta' | 'v1.0'): string {
  const fields = version === 'beta' ? BETA_FIELDS : V1_FIELDS
  return `/${version}/deviceManagement/managedDevices?$select=${fields.join(',')}&$top=${PAGE_SIZE}`
}

/**
 * One device, live (devices:refresh). deviceActionResults tells whether a retire/wipe is pending;
 * its passcode entries are stripped before anything is stored (store/device-record.ts).
 */
export function devicePath(version: 'beta' | 'v1.0', id: string): string {
  const fields = version === 'beta' ? BETA_FIELDS : V1_FIELDS
  return `/${version}/deviceManagement/managedDevices/${encodeURIComponent(id)}?$select=${[...fields, 'deviceActionResults'].join(',')}`
}

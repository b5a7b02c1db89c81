/**
 * Which enrollment kind a Graph managedDevice record describes. Sources: domain §2.1–2.2 (enum members,
 * v1.0 vs beta) and §6 (signals to use). When the record cannot tell kinds apart that the rules treat
 * differently, the result is an "…Unknown" kind, never a guess.
 */
import type { EnrollmentKind } from './codes'
import { normalizeFacts, type DeviceFacts, type NormalizedFacts } from './facts'

type Family = 'apple' | 'visionos' | 'android' | 'macos' | 'windows' | 'other'
/** What the platform strings alone say about the Android management mode. */
type AndroidHint = 'workProfile' | 'enterprise' | 'aosp' | 'deviceAdministrator' | 'generic'

interface Platform {
  readonly family: Family
  readonly androidHint?: AndroidHint
}

// operatingSystem is a free string; compare without spaces ("Mac OS X", "Windows Holographic").
const OPERATING_SYSTEMS: Readonly<Record<string, Platform>> = {
  ios: { family: 'apple' },
  ipados: { family: 'apple' },
  iphone: { family: 'apple' },
  ipad: { family: 'apple' },
  ipod: { family: 'apple' },
  android: { family: 'android', androidHint: 'generic' },
  androidforwork: { family: 'android', androidHint: 'workProfile' },
  androidenterprise: { family: 'android', androidHint: 'enterprise' },
  androidaosp: { family: 'android', androidHint: 'aosp' },
  aosp: { family: 'android', androidHint: 'aosp' },
  androidngms: { family: 'android', androidHint: 'generic' },
  macos: { family: 'macos' },
  macosx: { family: 'macos' },
  osx: { family: 'macos' },
  mac: { family: 'macos' },
  macmdm: { family: 'macos' },
  linux: { family: 'other' },
  ubuntu: { family: 'other' },
  chromeos: { family: 'other' },
  unix: { family: 'other' },
  // tvOS and watchOS: no passcode action in Intune (ACTIONS-2026); visionOS has Remove passcode.
  tvos: { family: 'other' },
  visionos: { family: 'visionos' },
  watchos: { family: 'other' },
  blackberry: { family: 'other' },
  palm: { family: 'other' },
  nokia: { family: 'other' },
}

// Beta deviceType members (reference/graph/managed-device-schema.json, beta enumMembers.deviceType).
// `android` is device administrator; Android Enterprise reports androidForWork / androidEnterprise (domain §6).
const DEVICE_TYPES: Readonly<Record<string, Platform>> = {
  iphone: { family: 'apple' },
  ipad: { family: 'apple' },
  ipod: { family: 'apple' },
  android: { family: 'android', androidHint: 'deviceAdministrator' },
  androidforwork: { family: 'android', androidHint: 'workProfile' },
  androidenterprise: { family: 'android', androidHint: 'enterprise' },
  androidngms: { family: 'android', androidHint: 'generic' },
  mac: { family: 'macos' },
  macmdm: { family: 'macos' },
  desktop: { family: 'windows' },
  windowsrt: { family: 'windows' },
  winmo6: { family: 'windows' },
  windowsphone: { family: 'windows' },
  wince: { family: 'windows' },
  winembedded: { family: 'windows' },
  hololens: { family: 'windows' },
  surfacehub: { family: 'windows' },
  windows10x: { family: 'windows' },
  cloudpc: { family: 'windows' },
  linux: { family: 'other' },
  chromeos: { family: 'other' },
  unix: { family: 'other' },
  tvos: { family: 'other' },
  visionos: { family: 'visionos' },
  blackberry: { family: 'other' },
  palm: { family: 'other' },
  nokia: { family: 'other' },
  isocconsumer: { family: 'other' },
}

// Beta-only deviceEnrollmentType members that name the Android mode outright (domain §2.2, §6).
const ANDROID_ENROLLMENT_TYPES: Readonly<Record<string, EnrollmentKind>> = {
  androidenterprisededicateddevice: 'androidDedicated',
  androidenterprisefullymanaged: 'androidFullyManaged',
  androidenterprisecorporateworkprofile: 'androidWorkProfileCorporate',
  androidaospuserowneddeviceenrollment: 'androidAosp',
  androidaospuserlessdeviceenrollment: 'androidAosp',
}

// Apple User Enrollment flavours (domain §6); Apple device enrollment flavours (Company Portal, DEM, ADE).
const APPLE_USER_ENROLLMENT = new Set([
  'appleuserenrollment',
  'appleuserenrollmentwithserviceaccount',
  'appleaccountdrivenuserenrollment',
])
const APPLE_DEVICE_ENROLLMENT = new Set([
  'userenrollment',
  'deviceenrollmentmanager',
  'applebulkwithuser',
  'applebulkwithoutuser',
])

/** Own-property lookup: Graph strings such as "constructor" or "__proto__" must not reach Object.prototype. */
function own<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return key !== null && key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined
}

function platformOf(f: NormalizedFacts): Platform | null {
  const os = f.operatingSystem?.replace(/\s+/g, '')
  const fromOs =
    own(OPERATING_SYSTEMS, os) ?? (os?.startsWith('windows') ? { family: 'windows' as const } : undefined)
  const fromType = own(DEVICE_TYPES, f.deviceType)
  if (fromOs && fromType?.family === 'android' && fromOs.family === 'android') {
    // The beta deviceType is more specific than a plain "Android" operatingSystem.
    return fromOs.androidHint === 'generic' ? fromType : fromOs
  }
  if (fromOs) return fromOs
  if (fromType) return fromType
  // No platform string we know, but the enrollment type or agent can only be Android.
  if (own(ANDROID_ENROLLMENT_TYPES, f.deviceEnrollmentType)) {
    return { family: 'android', androidHint: 'generic' }
  }
  if (f.managementAgent === 'intuneaosp') return { family: 'android', androidHint: 'aosp' }
  if (f.managementAgent === 'googleclouddevicepolicycontroller')
    return { family: 'android', androidHint: 'enterprise' }
  return null
}

function appleKind(f: NormalizedFacts): EnrollmentKind {
  const type = f.deviceEnrollmentType
  if (type !== null && APPLE_USER_ENROLLMENT.has(type)) return 'appleUserEnrollment'
  if (type !== null && APPLE_DEVICE_ENROLLMENT.has(type)) return 'iosDeviceEnrollment'
  // Missing, "unknown", or unknownFutureValue — v1.0 reports account-driven User Enrollment that way
  // (it is a beta-only member). User Enrollment is never supervised, so supervision settles it [INFERRED
  // from Apple's model: supervision needs ADE or Apple Configurator].
  return f.isSupervised === true ? 'iosDeviceEnrollment' : 'appleEnrollmentUnknown'
}

/** visionOS: the Apple enrollment types apply unchanged (ACTIONS-2026, APPLE-CLEAR-PASSCODE). */
function visionKind(f: NormalizedFacts): EnrollmentKind {
  const kind = appleKind(f)
  return kind === 'iosDeviceEnrollment' ? 'visionosDeviceEnrollment' : kind
}

function androidKind(f: NormalizedFacts, hint: AndroidHint): EnrollmentKind {
  const type = f.deviceEnrollmentType
  const explicit = own(ANDROID_ENROLLMENT_TYPES, type)
  if (explicit) return explicit
  if (hint === 'aosp' || f.managementAgent === 'intuneaosp') return 'androidAosp'
  if (hint === 'workProfile') {
    // Personally-owned work profile enrolls through the BYOD channel ("userEnrollment", beta enum doc).
    if (type === 'userenrollment') return 'androidWorkProfilePersonal'
    // In v1.0 the only work-profile member hidden behind unknownFutureValue is the corporate-owned one.
    if (type === 'unknownfuturevalue') return 'androidWorkProfileCorporate'
    if (type === null && f.owner === 'personal') return 'androidWorkProfilePersonal'
    return 'androidEnterpriseUnknown'
  }
  if (hint === 'enterprise' || f.managementAgent === 'googleclouddevicepolicycontroller') {
    return 'androidEnterpriseUnknown'
  }
  if (hint === 'deviceAdministrator') return 'androidDeviceAdministrator'
  // Plain "Android" without deviceType (a v1.0 record): unknownFutureValue hides an Android Enterprise or
  // AOSP member; anything else could be device administrator or a personally-owned work profile.
  return type === 'unknownfuturevalue' ? 'androidEnterpriseUnknown' : 'androidUnknown'
}

export function classifyNormalized(f: NormalizedFacts): EnrollmentKind {
  const platform = platformOf(f)
  if (platform === null) return 'unknown'
  switch (platform.family) {
    case 'apple':
      return appleKind(f)
    case 'visionos':
      return visionKind(f)
    case 'android':
      return androidKind(f, platform.androidHint ?? 'generic')
    case 'macos':
      return 'macos'
    case 'windows':
      return 'windows'
    case 'other':
      return 'other'
  }
}

/** The enrollment kind of a Graph managedDevice record (any shape; never throws). */
export function enrollmentKindOf(device: DeviceFacts | unknown): EnrollmentKind {
  return classifyNormalized(normalizeFacts(device))
}

/**
 * The rule table: enrollment kind × condition → verdict, action, outcome, sources. It is data so that
 * shared/eligibility/README.md is rendered from it (table.ts) and a test keeps the two identical.
 *
 * Two documents are implemented: the original product document (SEED-2018, French, 2018) and the
 * current Microsoft pages (domain §1.2–1.6, §6). Where they differ the current one wins and the row's
 * note records the difference (domain §6).
 */
import type {
  EnrollmentKind,
  OutcomeCode,
  PasscodeAction,
  PreconditionCode,
  ReasonCode,
  Verdict,
} from './codes'
import type { SourceId } from './sources'
import type { OsVersion } from './version'

export type VersionCondition =
  | { readonly type: 'any' }
  | { readonly type: 'below'; readonly version: OsVersion }
  | { readonly type: 'atLeast'; readonly version: OsVersion }
  /** osVersion missing or unparseable, for a kind whose rule depends on it. */
  | { readonly type: 'versionUnknown' }

export interface PlatformRule {
  readonly id: string
  readonly enrollment: EnrollmentKind
  readonly when: VersionCondition
  readonly verdict: Verdict
  readonly action: PasscodeAction | null
  readonly outcome: OutcomeCode | null
  readonly reasons: readonly ReasonCode[]
  readonly preconditions: readonly PreconditionCode[]
  readonly sources: readonly SourceId[]
  readonly note: string
}

const ANY = { type: 'any' } as const
const UNKNOWN_VERSION = { type: 'versionUnknown' } as const
const V1_1 = { major: 1, minor: 1 }
const V7 = { major: 7, minor: 0 }
const V8 = { major: 8, minor: 0 }

// Android resets fail without an enforced passcode policy (MD-2025b; memdocs PR #4082, 2023).
const ANDROID_DEVICE: readonly PreconditionCode[] = ['passcodePolicyAssigned', 'deviceOnline']
// Work profile: the user must have activated the reset token after enrollment, and "Require work profile
// password" must be set (MD-2022 / MD-2025b; memdocs issue #1218). Graph does not expose the token state (§1.6).
const WORK_PROFILE: readonly PreconditionCode[] = [
  'workProfileResetTokenActivated',
  'workProfilePasscodePolicyAssigned',
  'deviceOnline',
]

function undetermined(
  id: string,
  enrollment: EnrollmentKind,
  when: VersionCondition,
  reason: ReasonCode,
  sources: readonly SourceId[],
  note: string,
): PlatformRule {
  return {
    id,
    enrollment,
    when,
    verdict: 'undetermined',
    action: null,
    outcome: null,
    reasons: [reason],
    preconditions: [],
    sources,
    note,
  }
}

function ineligible(
  id: string,
  enrollment: EnrollmentKind,
  when: VersionCondition,
  reason: ReasonCode,
  sources: readonly SourceId[],
  note: string,
): PlatformRule {
  return {
    id,
    enrollment,
    when,
    verdict: 'ineligible',
    action: null,
    outcome: null,
    reasons: [reason],
    preconditions: [],
    sources,
    note,
  }
}

export const PLATFORM_RULES: readonly PlatformRule[] = [
  {
    id: 'ios-device-enrollment',
    enrollment: 'iosDeviceEnrollment',
    when: ANY,
    verdict: 'eligible',
    action: 'removePasscode',
    outcome: 'passcodeRemoved',
    reasons: ['iosDeviceEnrollmentSupported'],
    preconditions: ['deviceOnline'],
    sources: ['SEED-2018', 'MD-2022', 'RM-2026'],
    note:
      'Seed: iOS listed as supported on a "reset" page, but "les codes secrets sont supprimés". Current: own "Remove passcode" page; ' +
      'passcode removed, none returned; Graph action is still resetPasscode. If it fails Intune may hold a wrong unlock token: wipe. ' +
      'RM-2025 said "iOS/iPadOS (corporate-owned)"; RM-2026 drops the restriction, so personal device enrollment is included.',
  },
  ineligible(
    'apple-user-enrollment',
    'appleUserEnrollment',
    ANY,
    'appleUserEnrollmentUnsupported',
    // RM-2026 only says "iOS/iPadOS" (RM-2025: "corporate-owned"); the explicit "No" is MD-2020/2022's.
    ['MD-2022', 'APPLE-CLEAR-PASSCODE'],
    'Not in the seed (User Enrollment came in 2019). MD-2020/2022: "User Enrollment: No"; the 2025/2026 remove pages ' +
      'do not contradict it, and Apple forbids ClearPasscode for User Enrollment (apple/device-management, domain §1.3, ' +
      '§9) — on iOS, iPadOS and visionOS alike.',
  ),
  {
    id: 'visionos-device-enrollment',
    enrollment: 'visionosDeviceEnrollment',
    when: { type: 'atLeast', version: V1_1 },
    verdict: 'eligible',
    action: 'removePasscode',
    outcome: 'passcodeRemoved',
    reasons: ['visionosDeviceEnrollmentSupported'],
    preconditions: ['deviceOnline'],
    sources: ['ACTIONS-2026', 'APPLE-CLEAR-PASSCODE'],
    note:
      'Not in the seed. The 2026 device-actions overview ticks Remove passcode for visionOS (the remove page itself still ' +
      'names iOS/iPadOS only); Apple ClearPasscode supports visionOS 1.1+. Same result as iOS: removed, none returned.',
  },
  ineligible(
    'visionos-1.0',
    'visionosDeviceEnrollment',
    { type: 'below', version: V1_1 },
    'visionosBelow11Unsupported',
    ['APPLE-CLEAR-PASSCODE'],
    'Apple lists ClearPasscode from visionOS 1.1; a visionOS 1.0 device cannot receive it.',
  ),
  undetermined(
    'visionos-version-unknown',
    'visionosDeviceEnrollment',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['APPLE-CLEAR-PASSCODE'],
    'The 1.0/1.1 boundary decides; without a readable osVersion we do not guess.',
  ),
  undetermined(
    'apple-enrollment-unknown',
    'appleEnrollmentUnknown',
    ANY,
    'appleEnrollmentTypeUnknown',
    ['RM-2026', 'GRAPH-MANAGED-DEVICE'],
    'Enrollment type missing/unknown and not supervised; v1.0 reports account-driven User Enrollment as unknownFutureValue.',
  ),
  {
    id: 'android-da-6',
    enrollment: 'androidDeviceAdministrator',
    when: { type: 'below', version: V7 },
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryDevicePasscode',
    reasons: ['androidDeviceAdministratorLegacySupported', 'androidDeviceAdministratorDeprecated'],
    preconditions: ANDROID_DEVICE,
    sources: ['SEED-2018', 'MD-2022', 'MD-2024'],
    note:
      'Seed: "Android 6.0 ou antérieure"; MD-2018..2022: 6.x and earlier. Device administrator is deprecated on GMS devices ' +
      '(MD-2024) and absent from the 2025 pages.',
  },
  ineligible(
    'android-da-7plus',
    'androidDeviceAdministrator',
    { type: 'atLeast', version: V7 },
    'androidDeviceAdministrator7PlusUnsupported',
    ['SEED-2018', 'MD-2022'],
    'Seed and MD-2018..2022 agree: Google removed passcode reset for device administrator apps on Android 7.0+.',
  ),
  undetermined(
    'android-da-version-unknown',
    'androidDeviceAdministrator',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['MD-2022'],
    'The 6.x/7.0 boundary decides; without a readable osVersion we do not guess.',
  ),
  {
    id: 'android-wp-personal-8plus',
    enrollment: 'androidWorkProfilePersonal',
    when: { type: 'atLeast', version: V8 },
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryWorkProfilePasscode',
    reasons: ['androidWorkProfilePersonalSupported'],
    preconditions: WORK_PROFILE,
    sources: ['SEED-2018', 'MD-2022', 'MD-2025b'],
    note:
      'Seed and current agree (8.0+). Since 2020 a temporary work-profile passcode is shown to the admin for 7 days; ' +
      'the device PIN is untouched.',
  },
  ineligible(
    'android-wp-personal-7',
    'androidWorkProfilePersonal',
    { type: 'below', version: V8 },
    'androidWorkProfileBelow8Unsupported',
    ['SEED-2018', 'MD-2022'],
    'Seed says "7.0 et antérieure" (leaving 7.1 unstated); MD-2018..2022 say "7.x and earlier": all below 8.0.',
  ),
  undetermined(
    'android-wp-personal-version-unknown',
    'androidWorkProfilePersonal',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['MD-2022'],
    'The 7.x/8.0 boundary decides; without a readable osVersion we do not guess.',
  ),
  // Corporate-owned work profile, fully managed and dedicated need Android 8.0+. MD-2020/MD-2022 present
  // the temporary passcode "for device owner / BYOD work profile / COPE on 8.x+" (domain §1.5, §1.8 item 1):
  // the reset uses the reset token Android added in 8.0 (API 26, §1.6). The seed agrees for kiosk devices
  // on 7.x: "Appareils Android version 7.0 ou supérieure" are unsupported. Below 8.0 → not supported (the demo
  // tenant, written independently from the same documents, answers notSupported there too); no readable
  // osVersion → undetermined, as for the other version-bound kinds.
  {
    id: 'android-wp-corporate-8plus',
    enrollment: 'androidWorkProfileCorporate',
    when: { type: 'atLeast', version: V8 },
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryWorkProfilePasscode',
    reasons: ['androidWorkProfileCorporateSupported'],
    preconditions: WORK_PROFILE,
    sources: ['MD-2022', 'MD-2025b'],
    note:
      'Not in the seed (COPE came later); MD-2020+ and the 2025 table (COPE: work-profile reset). MD-2020/2022: ' +
      'temporary passcode on 8.x+.',
  },
  ineligible(
    'android-wp-corporate-7',
    'androidWorkProfileCorporate',
    { type: 'below', version: V8 },
    'androidWorkProfileBelow8Unsupported',
    ['MD-2022'],
    'MD-2020/2022 scope the work-profile reset to 8.x+ (reset token, domain §1.6); the 2025 table gives no version.',
  ),
  undetermined(
    'android-wp-corporate-version-unknown',
    'androidWorkProfileCorporate',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['MD-2022'],
    'The 7.x/8.0 boundary decides; without a readable osVersion we do not guess.',
  ),
  {
    id: 'android-fully-managed-8plus',
    enrollment: 'androidFullyManaged',
    when: { type: 'atLeast', version: V8 },
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryDevicePasscode',
    reasons: ['androidFullyManagedSupported'],
    preconditions: ANDROID_DEVICE,
    sources: ['MD-2022', 'MD-2025b'],
    note:
      'Not in the seed. MD-2020/2022 list "Device Owner" under device-level reset, temporary passcode on 8.x+; the 2025 ' +
      'table ticks the work-profile column for COBO, a doc oddity (fully managed has no work profile): treated as a ' +
      'device passcode (domain §1.2).',
  },
  ineligible(
    'android-fully-managed-7',
    'androidFullyManaged',
    { type: 'below', version: V8 },
    'androidEnterpriseBelow8Unsupported',
    ['SEED-2018', 'MD-2022'],
    'MD-2020/2022: device owner reset with a temporary passcode on 8.x+ only; seed: Android 7.0+ outside work ' +
      'profiles unsupported.',
  ),
  undetermined(
    'android-fully-managed-version-unknown',
    'androidFullyManaged',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['MD-2022'],
    'The 7.x/8.0 boundary decides; without a readable osVersion we do not guess.',
  ),
  {
    id: 'android-dedicated-8plus',
    enrollment: 'androidDedicated',
    when: { type: 'atLeast', version: V8 },
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryDevicePasscode',
    reasons: ['androidDedicatedSupported'],
    preconditions: ANDROID_DEVICE,
    sources: ['SEED-2018', 'MD-2022', 'MD-2025b'],
    note:
      'Seed: "appareils kiosque Android Entreprise" (no version); current: dedicated (COSU), device-level reset. ' +
      'MD-2020 renamed kiosk "Device Owner", temporary passcode on 8.x+ (current wins).',
  },
  ineligible(
    'android-dedicated-7',
    'androidDedicated',
    { type: 'below', version: V8 },
    'androidEnterpriseBelow8Unsupported',
    ['SEED-2018', 'MD-2022'],
    'Seed lists kiosk devices without a version but also "Android 7.0 ou supérieure" as unsupported; MD-2020/2022: ' +
      'device owner reset on 8.x+ only.',
  ),
  undetermined(
    'android-dedicated-version-unknown',
    'androidDedicated',
    UNKNOWN_VERSION,
    'osVersionUnknown',
    ['MD-2022'],
    'The 7.x/8.0 boundary decides; without a readable osVersion we do not guess.',
  ),
  {
    id: 'android-aosp',
    enrollment: 'androidAosp',
    when: ANY,
    verdict: 'eligible',
    action: 'resetPasscode',
    outcome: 'temporaryDevicePasscode',
    reasons: ['androidAospSupported'],
    preconditions: ANDROID_DEVICE,
    sources: ['MD-2022', 'MD-2025b'],
    note: 'Not in the seed (AOSP added 2022): user-associated and userless, device-level reset.',
  },
  undetermined(
    'android-enterprise-unknown',
    'androidEnterpriseUnknown',
    ANY,
    'androidEnterpriseSubtypeUnknown',
    ['MD-2025b', 'GRAPH-MANAGED-DEVICE'],
    'Subtypes differ in outcome (device vs work-profile passcode) and in the 8.0 rule; the beta deviceEnrollmentType tells them apart.',
  ),
  undetermined(
    'android-mode-unknown',
    'androidUnknown',
    ANY,
    'androidManagementModeUnknown',
    ['MD-2022', 'GRAPH-MANAGED-DEVICE'],
    'Device administrator or work profile cannot be told apart without the beta deviceType.',
  ),
  ineligible(
    'macos',
    'macos',
    ANY,
    'macosUnsupported',
    ['SEED-2018', 'MD-2022'],
    'Seed and MD-2018..2022: not supported (macOS has Remote lock with a recovery PIN instead); absent from 2025 pages.',
  ),
  ineligible(
    'windows',
    'windows',
    ANY,
    'windowsUnsupported',
    ['SEED-2018', 'MD-2022'],
    'Seed and MD-2018..2022: not supported (the old PIN reset was Windows 10 Mobile only); absent from 2025 pages.',
  ),
  ineligible(
    'other-platform',
    'other',
    ANY,
    'platformUnsupported',
    ['MD-2025b', 'RM-2026', 'ACTIONS-2026'],
    'Linux, ChromeOS and others are on no passcode page [INFERRED: unsupported]. tvOS and watchOS: the 2026 ' +
      'device-actions overview gives them no passcode action (Apple has ClearPasscode on watchOS 10+, Intune does not ' +
      'offer it). visionOS has its own rows above.',
  ),
  undetermined(
    'unknown-platform',
    'unknown',
    ANY,
    'platformUnknown',
    ['GRAPH-MANAGED-DEVICE'],
    'operatingSystem/deviceType missing or not a platform we know.',
  ),
]

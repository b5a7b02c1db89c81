/**
 * Every code the eligibility module can emit. They are `as const` lists so that the renderer can check
 * its i18n catalogues cover them (`eligibility.<group>.<code>`) and core can build zod enums from them.
 * Codes are stable identifiers: rename one only together with its translations.
 */

export const VERDICTS = ['eligible', 'ineligible', 'undetermined'] as const
export type Verdict = (typeof VERDICTS)[number]

/**
 * The action as the agent sees it. Both are Graph's `resetPasscode`: there is no `removePasscode` in Graph
 * (domain §2.4) — the portal labels it "Remove passcode" on iOS/iPadOS and "Reset passcode" on Android.
 */
export const PASSCODE_ACTIONS = ['removePasscode', 'resetPasscode'] as const
export type PasscodeAction = (typeof PASSCODE_ACTIONS)[number]

export const ENROLLMENT_KINDS = [
  'iosDeviceEnrollment',
  'appleUserEnrollment',
  /** iOS/iPadOS whose enrollment type Graph hides or omits (v1.0 reports account-driven UE as unknownFutureValue). */
  'appleEnrollmentUnknown',
  /** Apple Vision Pro enrolled as a device (ADE / device enrollment); User Enrollment is appleUserEnrollment. */
  'visionosDeviceEnrollment',
  'androidDeviceAdministrator',
  'androidWorkProfilePersonal',
  'androidWorkProfileCorporate',
  'androidFullyManaged',
  'androidDedicated',
  'androidEnterpriseUnknown',
  'androidAosp',
  /** Android, but the record cannot tell device administrator from Android Enterprise (typical v1.0 record). */
  'androidUnknown',
  'macos',
  'windows',
  'other',
  'unknown',
] as const
export type EnrollmentKind = (typeof ENROLLMENT_KINDS)[number]

export const REASON_CODES = [
  // Why it is possible
  'iosDeviceEnrollmentSupported',
  'visionosDeviceEnrollmentSupported',
  'androidWorkProfilePersonalSupported',
  'androidWorkProfileCorporateSupported',
  'androidFullyManagedSupported',
  'androidDedicatedSupported',
  'androidAospSupported',
  'androidDeviceAdministratorLegacySupported',
  'androidDeviceAdministratorDeprecated',
  // Why it is not
  'appleUserEnrollmentUnsupported',
  /** visionOS 1.0: Apple's ClearPasscode command exists from visionOS 1.1. */
  'visionosBelow11Unsupported',
  'androidWorkProfileBelow8Unsupported',
  'androidDeviceAdministrator7PlusUnsupported',
  /** Fully managed or dedicated below Android 8.0 (device owner reset is 8.x+, MD-2020/2022). */
  'androidEnterpriseBelow8Unsupported',
  'macosUnsupported',
  'windowsUnsupported',
  'platformUnsupported',
  'retirePending',
  'wipePending',
  'deletePending',
  'exchangeActiveSyncOnly',
  'managedByPartner',
  /** managementState `discovered`: known to Intune but not fully enrolled (Graph enum description). */
  'deviceNotEnrolled',
  // Why the data cannot decide
  'platformUnknown',
  'osVersionUnknown',
  'appleEnrollmentTypeUnknown',
  'androidEnterpriseSubtypeUnknown',
  'androidManagementModeUnknown',
  'deviceRecordInvalid',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

export const PRECONDITION_CODES = [
  'deviceOnline',
  'deviceNotSyncedRecently',
  'passcodePolicyAssigned',
  'workProfilePasscodePolicyAssigned',
  'workProfileResetTokenActivated',
] as const
export type PreconditionCode = (typeof PRECONDITION_CODES)[number]

export const OUTCOME_CODES = [
  'passcodeRemoved',
  'temporaryDevicePasscode',
  'temporaryWorkProfilePasscode',
] as const
export type OutcomeCode = (typeof OUTCOME_CODES)[number]

/**
 * How Intune answers a remote action on a device: the demo tenant's own table, written from
 * Microsoft's documentation (domain file §1.2–1.6), NOT from shared/eligibility, so that tests of
 * the app's rules can disagree with it and fail. Keyed on hidden traits the app cannot see.
 */
import type { DeviceTraits } from './types'

export type RemoteActionName = 'resetPasscode' | 'remoteLock' | 'syncDevice'
export type FinalState = 'done' | 'failed' | 'notSupported' | 'pending' | 'canceled'

export interface Outcome {
  readonly state: FinalState
  /** resetPasscodeActionResult.errorCode (Int32, 0 on success). Values are the simulator's own. */
  readonly errorCode: number
  /** Whether Intune hands back a temporary passcode (Android kinds) / unlock PIN (macOS lock). */
  readonly returnsSecret: boolean
}

/** Error codes the simulator puts in resetPasscodeActionResult.errorCode (no public list exists). */
export const ERROR_CODES = {
  none: 0,
  /** RM-2026: "Intune might have stored the wrong unlock token" → removal fails. */
  badUnlockToken: 0x7e0f_0101,
  /** Domain §1.6: an un-activated reset token cannot be used (Android 8+ work profile). */
  resetTokenNotActivated: 0x7e0f_0102,
  /** MD-2025a/b: "ensure that the passcode requirement is enforced… otherwise, the reset fails". */
  noPasscodePolicy: 0x7e0f_0103,
  notSupported: 0x7e0f_0200,
  /** device-management.md: retire/wipe/delete take precedence; other pending actions are ignored. */
  supersededByWipe: 0x7e0f_0300,
} as const

const ok = (returnsSecret: boolean): Outcome => ({ state: 'done', errorCode: 0, returnsSecret })
const fail = (errorCode: number): Outcome => ({ state: 'failed', errorCode, returnsSecret: false })
const unsupported: Outcome = {
  state: 'notSupported',
  errorCode: ERROR_CODES.notSupported,
  returnsSecret: false,
}

const SUPERSEDING_STATES = new Set([
  'retirePending',
  'wipePending',
  'deletePending',
  'retireIssued',
  'wipeIssued',
])

function major(osVersion: string): number {
  const n = parseInt(osVersion, 10)
  return Number.isFinite(n) ? n : 0
}

/** "1.0.3" → [1, 0]: the demo's own reading of an Apple version string. */
function majorMinor(osVersion: string): [number, number] {
  const [a, b] = osVersion.split('.').map((p) => parseInt(p, 10))
  return [Number.isFinite(a) ? a! : 0, Number.isFinite(b) ? b! : 0]
}

export function resetPasscodeOutcome(traits: DeviceTraits, osVersion: string): Outcome {
  const v = major(osVersion)
  switch (traits.kind) {
    case 'iosDevice':
      // iOS: the passcode is removed, nothing returned (RM-2026); wrong unlock token → fails.
      return traits.unlockTokenValid ? ok(false) : fail(ERROR_CODES.badUnlockToken)
    case 'iosUserEnrollment':
      // MD-2020/MD-2022: "iOS/iPadOS devices enrolled with User Enrollment: No".
      return unsupported
    case 'visionosDevice': {
      // Intune's device-actions overview (2026) ticks Remove passcode for visionOS; Apple's
      // ClearPasscode exists from visionOS 1.1 (apple/device-management passcode.clear.yaml).
      const [maj, min] = majorMinor(osVersion)
      if (maj < 1 || (maj === 1 && min < 1)) return unsupported
      return traits.unlockTokenValid ? ok(false) : fail(ERROR_CODES.badUnlockToken)
    }
    case 'visionosUserEnrollment':
      // Apple forbids ClearPasscode for User Enrollment, on visionOS as on iOS.
      return unsupported
    case 'androidDeviceAdministrator':
      // MD-2018..2022: DA supported up to 6.x; Google removed it from 7.0 for all MDM vendors.
      if (v >= 7) return unsupported
      return traits.passcodePolicyAssigned ? ok(true) : fail(ERROR_CODES.noPasscodePolicy)
    case 'androidWorkProfile':
    case 'androidCorporateWorkProfile':
      // Work-profile reset needs 8.0+ (MD-2018..2022), a policy (MD-2025) and an activated token (§1.6).
      if (v < 8) return unsupported
      if (!traits.passcodePolicyAssigned) return fail(ERROR_CODES.noPasscodePolicy)
      return traits.resetTokenActivated ? ok(true) : fail(ERROR_CODES.resetTokenNotActivated)
    case 'androidFullyManaged':
    case 'androidDedicated':
      // Device owner / dedicated: temporary passcode on 8.x+ (MD-2020/2022, MD-2025).
      if (v < 8) return unsupported
      return traits.passcodePolicyAssigned ? ok(true) : fail(ERROR_CODES.noPasscodePolicy)
    case 'androidAospUserAssociated':
    case 'androidAospUserless':
      // MD-2022 / MD-2025: AOSP device-level reset.
      return traits.passcodePolicyAssigned ? ok(true) : fail(ERROR_CODES.noPasscodePolicy)
    case 'windows':
    case 'macos':
    case 'linux':
      return unsupported
  }
}

export function remoteLockOutcome(traits: DeviceTraits): Outcome {
  switch (traits.kind) {
    case 'windows':
    case 'linux':
      return unsupported
    case 'macos':
      // remote-lock.md: macOS lock sets a 6-digit recovery PIN shown to the admin.
      return ok(true)
    default:
      return ok(false)
  }
}

/**
 * Final outcome for an action issued on a device in `managementState`, or 'pending' forever when
 * the device never checks in (device-management.md: remote actions need the device online).
 */
export function outcomeFor(
  action: RemoteActionName,
  traits: DeviceTraits,
  osVersion: string,
  managementState: string,
): Outcome {
  if (SUPERSEDING_STATES.has(managementState) && action !== 'syncDevice') {
    return { state: 'canceled', errorCode: ERROR_CODES.supersededByWipe, returnsSecret: false }
  }
  if (!traits.checksIn) return { state: 'pending', errorCode: 0, returnsSecret: false }
  if (action === 'resetPasscode') return resetPasscodeOutcome(traits, osVersion)
  if (action === 'remoteLock') return remoteLockOutcome(traits)
  return ok(false)
}

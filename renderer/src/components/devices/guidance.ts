import type { DeviceDetail } from '@shared/api/schemas/devices'
import { STALE_SYNC_DAYS } from '@shared/eligibility/overrides'

/**
 * What the agent can offer when Intune cannot reset or remove the passcode, or when the action would
 * not arrive. Each card's facts come from Microsoft Learn (links below, and domain §1.5):
 * - Windows: Entra self-service password reset from the sign-in screen
 *   (learn.microsoft.com/entra/identity/authentication/howto-sspr-windows), Windows Hello "I forgot my PIN"
 *   (learn.microsoft.com/windows/security/identity-protection/hello-for-business/pin-reset), and the BitLocker
 *   recovery key under Devices › All devices › device › Monitor › Recovery keys in the Intune admin center or
 *   the device's BitLocker keys in Entra (memdocs protect/encrypt-devices.md "View details for recovery keys").
 * - macOS: the FileVault personal recovery key, shown in the Intune admin center under Monitor › Recovery
 *   keys and to the user by the Company Portal website "Get recovery key" (memdocs
 *   protect/encrypt-devices-filevault.md "Retrieve personal recovery key").
 * - Linux: no passcode or password action exists (domain §1.5 [INFERRED]); the next step is local support.
 * - Wipe pending: retire/wipe/delete take precedence and erase the device (DM-ACTIONS).
 * - Not checked in: remote actions need the device online (DM-ACTIONS prerequisites).
 */
export type PlatformGuidance = 'windows' | 'macos' | 'linux' | 'other'

export interface GuidanceLink {
  readonly key: string
  readonly url: string
}

export const GUIDANCE_LINKS: Readonly<
  Record<'sspr' | 'hello' | 'bitlocker' | 'filevault' | 'actions', string>
> = {
  sspr: 'https://learn.microsoft.com/en-us/entra/identity/authentication/howto-sspr-windows',
  hello:
    'https://learn.microsoft.com/en-us/windows/security/identity-protection/hello-for-business/pin-reset',
  bitlocker:
    'https://learn.microsoft.com/en-us/intune/intune-service/protect/encrypt-devices#view-details-for-recovery-keys',
  filevault:
    'https://learn.microsoft.com/en-us/intune/intune-service/protect/encrypt-devices-filevault#retrieve-personal-recovery-key',
  actions: 'https://learn.microsoft.com/en-us/intune/intune-service/remote-actions/device-management',
}

export const PLATFORM_LINKS: Readonly<Record<PlatformGuidance, readonly (keyof typeof GUIDANCE_LINKS)[]>> = {
  windows: ['sspr', 'hello', 'bitlocker'],
  macos: ['filevault'],
  linux: [],
  other: [],
}

/** The platform card, only when Intune refuses the platform itself. */
export function platformGuidance(detail: DeviceDetail): PlatformGuidance | null {
  const e = detail.eligibility
  if (e.verdict !== 'ineligible') return null
  if (e.enrollment === 'windows') return 'windows'
  if (e.enrollment === 'macos') return 'macos'
  if (e.enrollment !== 'other') return null
  const os = (detail.management.operatingSystem ?? '').trim().toLowerCase()
  return os === 'linux' || (detail.hardware.deviceType ?? '').toLowerCase() === 'linux' ? 'linux' : 'other'
}

export function wipePending(detail: DeviceDetail): boolean {
  return (detail.management.managementState ?? '').trim().toLowerCase() === 'wipepending'
}

const DAY_MS = 86_400_000

/** Same threshold as the eligibility precondition `deviceNotSyncedRecently` (shared/eligibility). */
export function checkInStale(detail: DeviceDetail, nowMs: number): { stale: boolean; never: boolean } {
  const last = detail.management.lastSyncDateTime
  const ms = last ? Date.parse(last) : Number.NaN
  // Graph's sentinel 0001-01-01 (domain §9) and unparseable dates mean "never".
  if (!last || Number.isNaN(ms) || ms < Date.UTC(1971, 0, 1)) return { stale: true, never: true }
  return { stale: nowMs - ms > STALE_SYNC_DAYS * DAY_MS, never: false }
}

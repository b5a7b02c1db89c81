import type { PreconditionCode } from '@shared/eligibility/codes'

/**
 * Who can answer each eligibility precondition. The caller knows whether the device is on and
 * connected and whether they activated the work-profile reset from the Company Portal notification
 * (Graph does not expose it, domain §1.6). Whether a passcode policy is assigned is known to Intune
 * only: Passcode Desk does not read policy assignments, so the agent acknowledges it rather than
 * asking the caller (MD-2025b: the reset fails without it).
 */
export const INTUNE_ONLY_PRECONDITIONS: readonly PreconditionCode[] = [
  'passcodePolicyAssigned',
  'workProfilePasscodePolicyAssigned',
]

export function isIntuneOnly(code: PreconditionCode): boolean {
  return INTUNE_ONLY_PRECONDITIONS.includes(code)
}

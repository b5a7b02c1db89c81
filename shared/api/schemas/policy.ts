import { z } from 'zod'
import { noInput, text } from './common'
import { cloud } from './profiles'
import { verificationCheck } from './settings'

/**
 * Settings managed by the organisation (DESIGN §3 "managed settings"): Windows policies under
 * HKLM/HKCU\Software\Policies\Passcode Desk (ADMX in resources/policy/), macOS managed preferences
 * for com.passcodedesk.app. Managed values win over the agent's own and are read-only in Settings.
 */

/** Policy value names, the same in the registry, the ADMX template and the plist. */
export const POLICY_KEYS = [
  'TenantProfiles',
  'AllowAddProfiles',
  'ShowDemoProfile',
  'TicketRequired',
  'TicketPattern',
  'IdentityChecksRequired',
  'HistoryRetentionDays',
  'UpdateFeedUrl',
  'DefaultLanguage',
] as const
export type PolicyKey = (typeof POLICY_KEYS)[number]

export const policySource = z.enum(['HKLM', 'HKCU', 'macComputer', 'macUser'])
export type PolicySource = z.infer<typeof policySource>

export const managedProfile = z.strictObject({
  name: text(80),
  tenantId: text(64),
  clientId: text(64),
  cloud,
})
export type ManagedProfile = z.infer<typeof managedProfile>

export const managedValues = z.strictObject({
  TenantProfiles: z.array(managedProfile).max(20).optional(),
  AllowAddProfiles: z.boolean().optional(),
  ShowDemoProfile: z.boolean().optional(),
  TicketRequired: z.boolean().optional(),
  TicketPattern: text(200).optional(),
  IdentityChecksRequired: z.array(verificationCheck).max(10).optional(),
  HistoryRetentionDays: z.number().int().min(1).max(3650).optional(),
  UpdateFeedUrl: text(500).optional(),
  DefaultLanguage: z.enum(['fr', 'en']).optional(),
})
export type ManagedValues = z.infer<typeof managedValues>

/** Why one value was ignored; the rest of the policy still applies (value by value). */
export const policyProblemReason = z.enum(['unknownKey', 'badType', 'badValue', 'badPattern'])

export const policyProblem = z.strictObject({
  key: text(120),
  source: policySource,
  reason: policyProblemReason,
})
export type PolicyProblem = z.infer<typeof policyProblem>

export const managedPolicy = z.strictObject({
  values: managedValues,
  /** Where each applied value came from. */
  sources: z.partialRecord(z.enum(POLICY_KEYS), policySource),
  problems: z.array(policyProblem).max(100),
})
export type ManagedPolicy = z.infer<typeof managedPolicy>

export const EMPTY_POLICY: ManagedPolicy = { values: {}, sources: {}, problems: [] }

export const policyContract = {
  'policy:get': { input: noInput, output: managedPolicy },
} as const

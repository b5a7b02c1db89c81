import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { id, noInput, text } from './common'

/**
 * Tenant profiles (domain §4, §5): which Entra ID tenant and app registration Passcode Desk signs in to.
 * The built-in Demo profile points at the embedded demo tenant and cannot be removed.
 */

/** Microsoft national clouds (domain §5): each has its own Entra ID and Graph hosts. */
export const cloud = z.enum(['global', 'usGovHigh', 'usGovDod', 'china'])
export type Cloud = z.infer<typeof cloud>

export const profileKind = z.enum(['demo', 'tenant'])

/** Canonical GUID form Entra ID uses for tenant and application (client) IDs. */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const DEMO_PROFILE_ID = 'demo'

export const profileSummary = z.strictObject({
  id: id(),
  name: text(80),
  kind: profileKind,
  /** Empty for the Demo profile until its tenant starts (it is chosen by the embedded tenant). */
  tenantId: text(64),
  clientId: text(64),
  cloud,
  active: z.boolean(),
  /** The Demo profile: cannot be edited or removed. */
  builtIn: z.boolean(),
  /** Preset by the organisation (managed TenantProfiles, DESIGN §3): cannot be edited or removed. */
  managed: z.boolean().optional(),
})
export type ProfileSummary = z.infer<typeof profileSummary>

export const profileList = z.strictObject({
  activeId: id(),
  profiles: z.array(profileSummary).max(100),
})
export type ProfileList = z.infer<typeof profileList>

/**
 * What the Settings form sends. GUIDs are checked in core (not here) so that a malformed one comes
 * back as PROFILE_INVALID with the field and reason, which the form localizes beside the input.
 */
export const profileDraft = z.strictObject({
  name: text(80),
  tenantId: text(64),
  clientId: text(64),
  cloud,
})
export type ProfileDraft = z.infer<typeof profileDraft>

export const profileSave = z.strictObject({
  /** Absent = a new profile. */
  id: id().optional(),
  draft: profileDraft,
})

export const connectionStep = z.enum(['discovery', 'application', 'signIn', 'graph', 'permissions'])
export type ConnectionStep = z.infer<typeof connectionStep>

export const connectionCheck = z.strictObject({
  step: connectionStep,
  status: z.enum(['ok', 'failed', 'skipped']),
  code: z.enum(ERROR_CODES).optional(),
  /** AADSTS number or missing permission name: plain facts for the localized message. */
  detail: text(200).optional(),
})
export type ConnectionCheck = z.infer<typeof connectionCheck>

export const connectionTestResult = z.strictObject({
  ok: z.boolean(),
  checks: z.array(connectionCheck).max(10),
})
export type ConnectionTestResult = z.infer<typeof connectionTestResult>

export const profilesContract = {
  'profiles:list': { input: noInput, output: profileList },
  'profiles:save': { input: profileSave, output: profileList },
  'profiles:remove': { input: z.strictObject({ id: id() }), output: profileList },
  'profiles:activate': { input: z.strictObject({ id: id() }), output: profileList },
  /** Test a saved profile (`id`) or the form's unsaved values (`draft`). */
  'profiles:test': {
    input: z.union([z.strictObject({ id: id() }), z.strictObject({ draft: profileDraft })]),
    output: connectionTestResult,
  },
} as const

export const profilesEvents = {
  'profiles:changed': profileList,
} as const

/**
 * What the organisation decides about tenant profiles (DESIGN §3 "managed settings"): preset
 * profiles (TenantProfiles), whether agents may add their own (AllowAddProfiles), and whether the
 * built-in demo profile exists for them at all (ShowDemoProfile). The profiles store applies these
 * rules on every path — list, save, remove, activate, the start-up profile — so the renderer
 * hiding a button is a courtesy, never the guard.
 */
import { createHash } from 'node:crypto'
import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { TenantProfile } from './profile'

export interface ManagedProfileRules {
  /** Preset profiles, in the policy's order; read-only. */
  readonly presets: readonly TenantProfile[]
  readonly allowAdd: boolean
  readonly showDemo: boolean
}

/** No policy: the agent's own profiles and the demo one, as before (and as the E2E tests expect). */
export const NO_PROFILE_RULES: ManagedProfileRules = { presets: [], allowAdd: true, showDemo: true }

/** Managed ids look like `m-<uuid>`: never a stored `p-<uuid>`, so neither can shadow the other. */
export const MANAGED_ID_PATTERN = /^m-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * A preset's id depends on what it signs in to (tenant, app, cloud), not on its display name, so
 * renaming a preset in the policy keeps the agent's sign-in and cache, and pointing it at another
 * tenant gives it a fresh folder (the old tokens belong to neither).
 */
export function managedProfileId(profile: Pick<TenantProfile, 'tenantId' | 'clientId' | 'cloud'>): string {
  const hex = createHash('sha256')
    .update(`managed\n${profile.tenantId.toLowerCase()}\n${profile.clientId.toLowerCase()}\n${profile.cloud}`)
    .digest('hex')
  return `m-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

export function profileRulesFromPolicy(policy: ManagedPolicy): ManagedProfileRules {
  const v = policy.values
  const presets: TenantProfile[] = []
  for (const preset of v.TenantProfiles ?? []) {
    const profile: TenantProfile = {
      id: '',
      name: preset.name.trim(),
      tenantId: preset.tenantId.toLowerCase(),
      clientId: preset.clientId.toLowerCase(),
      cloud: preset.cloud,
    }
    const id = managedProfileId(profile)
    // The same tenant and app twice in the list: the first one wins (one folder, one sign-in).
    if (presets.some((p) => p.id === id)) continue
    presets.push({ ...profile, id })
  }
  return { presets, allowAdd: v.AllowAddProfiles ?? true, showDemo: v.ShowDemoProfile ?? true }
}

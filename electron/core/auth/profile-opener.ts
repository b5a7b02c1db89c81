import { mkdirSync } from 'node:fs'
import { DEMO_PROFILE_ID } from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import type { Logger } from '../log'
import type { ProfilesStore, TenantProfile } from '../profiles/store'
import { endpointsForDemo, type DemoTenantHandle, type DemoTenantLifecycle } from './demo-tenant-lifecycle'
import type { TenantEndpoints } from './endpoints'
import { ProfileAuth } from './profile-auth'
import { endpointsForProfile, sameEndpoints } from './profile-endpoints'
import type { ActiveProfile } from './session'
import type { CacheSecretStorage } from './token-cache'

/** One profile made ready to sign in: its folder, its endpoints, its MSAL app. */
export interface OpenedProfile {
  readonly profile: ActiveProfile
  readonly dir: string
  /** Null when the profile could not start (demo tenant down): every token request says why. */
  readonly auth: ProfileAuth | null
  readonly startError: CodedError | null
}

export interface OpenProfileDeps {
  readonly profiles: ProfilesStore
  readonly demoTenant: DemoTenantLifecycle
  /** MSAL apps by profile, kept while the process lives so a memory-only cache survives switching back. */
  readonly apps: Map<string, ProfileAuth>
  readonly log: Logger
  readonly secretStorage?: CacheSecretStorage
  readonly allowKeychain: boolean
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  readonly signInTimeoutMs?: number
  readonly fetch?: typeof fetch
}

/**
 * Opens a profile: Demo starts the embedded demo tenant (DESIGN §1), a tenant profile resolves its
 * cloud's endpoints (domain §5); its MSAL app is reused unless the profile now points elsewhere.
 * A profile that cannot start is still opened, with the reason every token request will give.
 */
export async function openProfile(deps: OpenProfileDeps, profileId: string): Promise<OpenedProfile> {
  const dir = deps.profiles.dirOf(profileId)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  let endpoints: TenantEndpoints
  let name: string
  let kind: ActiveProfile['kind']
  if (profileId === DEMO_PROFILE_ID) {
    name = 'Demo'
    kind = 'demo'
    // Hidden by the organisation (ShowDemoProfile off, DESIGN §3): never started, from any channel.
    if (!deps.profiles.demoAvailable()) {
      const startError = new CodedError(
        'PROFILE_DEMO_HIDDEN',
        'Your organisation has hidden the demo profile',
      )
      return {
        profile: { id: profileId, name, kind, tenantId: '', graphBaseUrl: '' },
        dir,
        auth: null,
        startError,
      }
    }
    let handle: DemoTenantHandle
    try {
      handle = await deps.demoTenant.ensure()
    } catch {
      const startError = new CodedError('OFFLINE', 'The demo tenant could not start')
      return {
        profile: { id: profileId, name, kind, tenantId: '', graphBaseUrl: '' },
        dir,
        auth: null,
        startError,
      }
    }
    endpoints = endpointsForDemo(handle)
  } else {
    const profile = deps.profiles.get(profileId)
    if (!profile) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
    name = profile.name
    kind = 'tenant'
    endpoints = deps.resolveEndpoints?.(profile) ?? endpointsForProfile(profile)
  }
  const profile: ActiveProfile = {
    id: profileId,
    name,
    kind,
    tenantId: endpoints.tenantId,
    graphBaseUrl: endpoints.graphBaseUrl,
  }
  let auth = deps.apps.get(profileId) ?? null
  if (auth && !sameEndpoints(auth.endpoints, endpoints)) auth = null // profile edited: new app
  if (!auth) {
    try {
      auth = await ProfileAuth.create({
        profileId,
        endpoints,
        dir,
        secretStorage: deps.secretStorage,
        allowKeychain: deps.allowKeychain,
        log: deps.log,
        signInTimeoutMs: deps.signInTimeoutMs,
        fetch: deps.fetch,
      })
      deps.apps.set(profileId, auth)
    } catch (error) {
      const coded =
        error instanceof CodedError ? error : new CodedError('AUTH_FAILED', 'Sign-in could not be prepared')
      deps.log.error('auth.profile-open-failed', { profileId, code: coded.code, error })
      return { profile, dir, auth: null, startError: coded }
    }
  }
  return { profile, dir, auth, startError: null }
}

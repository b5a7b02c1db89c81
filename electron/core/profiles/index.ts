import type { TenantEndpoints } from '../auth/endpoints'
import type { SessionManager } from '../auth/session-manager'
import type { EventBus } from '../events'
import type { CoreModule } from '../module'
import { createProfilesHandlers } from './handlers'
import type { ProfilesStore, TenantProfile } from './store'

export interface ProfilesModuleOptions {
  /** The store the session manager starts from (AuthModule.profiles). */
  readonly store: ProfilesStore
  readonly sessions: SessionManager
  readonly events: EventBus
  /** Tests: the endpoints a draft resolves to (defaults to the cloud's). */
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
}

type ProfilesChannel =
  'profiles:list' | 'profiles:save' | 'profiles:remove' | 'profiles:activate' | 'profiles:test'

/** `profiles:*` (tenant profiles, clouds, connection test). The session manager is the auth module's to stop. */
export function createProfilesModule(options: ProfilesModuleOptions): CoreModule<ProfilesChannel> {
  return { handlers: createProfilesHandlers(options), dispose() {} }
}

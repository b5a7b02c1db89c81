import { DEMO_PROFILE_ID } from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import type { EventBus } from '../events'
import type { Handlers } from '../router'
import type { SessionManager } from '../auth/session-manager'
import { endpointsForProfile } from '../auth/profile-endpoints'
import type { TenantEndpoints } from '../auth/endpoints'
import { testConnection } from './connection-test'
import { validateDraft, type ProfilesStore, type TenantProfile } from './store'

export interface ProfilesHandlersDeps {
  readonly store: ProfilesStore
  readonly sessions: SessionManager
  readonly events: EventBus
  /** Tests: the endpoints a draft resolves to (defaults to the cloud's). */
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
}

/** `profiles:*` channels (domain §4, §5): list, save, remove, activate, test. */
export function createProfilesHandlers(
  deps: ProfilesHandlersDeps,
): Handlers<'profiles:list' | 'profiles:save' | 'profiles:remove' | 'profiles:activate' | 'profiles:test'> {
  const { store, sessions, events } = deps
  const list = () => store.list(sessions.demoIdentity())
  const changed = () => {
    const value = list()
    events.emit('profiles:changed', value)
    return value
  }
  const resolve = deps.resolveEndpoints ?? endpointsForProfile
  return {
    'profiles:list': () => list(),
    'profiles:save': async ({ id, draft }) => {
      const before = id ? store.get(id) : null
      const savedId = store.save(id, draft)
      const after = store.get(savedId)
      if (
        before &&
        after &&
        (before.tenantId !== after.tenantId ||
          before.clientId !== after.clientId ||
          before.cloud !== after.cloud)
      ) {
        // Another tenant or app: the old account and tokens belong to neither.
        await sessions.forget(savedId)
      }
      // Editing the active profile re-opens it so the new tenant/app takes effect at once.
      if (savedId === store.activeId()) await sessions.activate(savedId)
      return changed()
    },
    'profiles:remove': async ({ id }) => {
      const wasActive = store.activeId() === id
      store.remove(id)
      await sessions.forget(id)
      if (wasActive) {
        // The store's fallback: the demo profile, or the organisation's first profile when the demo
        // is hidden (then, with nothing else left, the hidden demo is opened without starting).
        const next = store.activeId()
        const hiddenDemo = next === DEMO_PROFILE_ID && !store.demoAvailable()
        await sessions.activate(next, hiddenDemo ? { persist: false } : undefined)
      }
      return changed()
    },
    'profiles:activate': async ({ id }) => {
      await sessions.activate(id)
      return changed()
    },
    'profiles:test': async (input) => {
      if ('draft' in input) {
        // The name does not matter for a test (and may still be empty in the form).
        const valid = validateDraft({ ...input.draft, name: 'connection-test' }, [])
        return testConnection(resolve({ id: 'draft', ...valid }), null, deps.fetch)
      }
      const current = sessions.current()
      if (input.id === current.profile.id) {
        if (current.profile.kind === 'demo' && !current.profile.graphBaseUrl) {
          throw new CodedError('OFFLINE', 'The demo tenant is not running')
        }
        return testConnection(sessions.activeEndpoints(), current, deps.fetch)
      }
      if (input.id === DEMO_PROFILE_ID)
        throw new CodedError('CONFLICT', 'Activate the Demo profile to test it')
      const profile = store.get(input.id)
      if (!profile) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      return testConnection(resolve(profile), null, deps.fetch)
    },
  }
}

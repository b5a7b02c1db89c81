import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { EventBus } from '../events'
import type { CoreModule } from '../module'
import { withManagedSettings } from '../policy/settings-overlay'
import { createSettingsHandlers } from './handlers'
import { createSettingsStore, type SettingsStore } from './store'

export interface SettingsModuleOptions {
  readonly dataDir: string
  /** Managed values win over the agent's own (DESIGN §3 "managed settings"). */
  readonly policy: ManagedPolicy
  readonly events: EventBus
}

export interface SettingsModule extends CoreModule<'settings:get' | 'settings:update'> {
  /** The agent's settings with the organisation's managed values applied: what other modules read. */
  readonly settings: SettingsStore
}

/** `settings:*` and the settings store other modules read (sync budget, action policy, locale). */
export function createSettingsModule(options: SettingsModuleOptions): SettingsModule {
  const settings = withManagedSettings(createSettingsStore(options.dataDir), options.policy)
  return { settings, handlers: createSettingsHandlers(settings, options.events), dispose() {} }
}

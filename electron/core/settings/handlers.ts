import type { EventBus } from '../events'
import type { Handlers } from '../router'
import type { SettingsStore } from './store'

export function createSettingsHandlers(
  store: SettingsStore,
  bus: EventBus,
): Handlers<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => store.get(),
    'settings:update': (patch) => {
      const next = store.update(patch)
      bus.emit('settings:changed', next)
      return next
    },
  }
}

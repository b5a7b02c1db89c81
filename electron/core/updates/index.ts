import type { EventBus } from '../events'
import type { Logger } from '../log'
import type { CoreModule } from '../module'
import { createUpdatesHandlers, type HostUpdates } from './handlers'

export type { HostUpdates } from './handlers'

export interface UpdatesModuleOptions {
  /** HostCapabilities.createUpdates: only the Electron host has one. */
  readonly createUpdates?: (feedUrl: string | undefined, log: Logger) => HostUpdates
  /** The organisation's managed UpdateFeedUrl; none → no checks. */
  readonly feedUrl: string | undefined
  readonly events: Pick<EventBus, 'emit'>
  readonly log: Logger
}

/** `updates:*` over the host's updater, its changes pushed as `updates:changed`. */
export function createUpdatesModule(
  options: UpdatesModuleOptions,
): CoreModule<'updates:status' | 'updates:install'> {
  const updates = options.createUpdates?.(options.feedUrl, options.log) ?? null
  updates?.onChange((status) => options.events.emit('updates:changed', status))
  return {
    handlers: createUpdatesHandlers(updates),
    dispose: () => updates?.dispose(),
  }
}

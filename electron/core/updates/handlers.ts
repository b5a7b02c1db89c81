import type { UpdateStatus } from '@shared/api/schemas/updates'
import type { Handlers } from '../router'

/** What the Electron host's updater offers core (electron/main/updates.ts). */
export interface HostUpdates {
  status(): UpdateStatus
  install(): boolean
  onChange(listener: (status: UpdateStatus) => void): void
  dispose(): void
}

/** `updates:*`: only the Electron host updates itself; elsewhere the status says why not. */
export function createUpdatesHandlers(
  updates: HostUpdates | null,
): Handlers<'updates:status' | 'updates:install'> {
  return {
    'updates:status': () => updates?.status() ?? { state: 'disabled', reason: 'notDesktop' },
    'updates:install': () => ({ restarting: updates?.install() ?? false }),
  }
}

/**
 * Updates through electron-updater's generic provider (https://www.electron.build/auto-update),
 * from the feed URL the organisation manages (UpdateFeedUrl; DESIGN §3). electron-updater checks
 * the downloaded file's sha512 from latest.yml and, on Windows, the publisher's signature; on macOS
 * Squirrel.Mac checks the code signature. No feed → no check, ever (said in Settings → About).
 * The plan is pure and unit-tested; the updater itself needs the Electron runtime.
 */
import type { UpdateStatus } from '@shared/api/schemas/updates'

export type UpdatePlan =
  | { readonly enabled: false; readonly reason: 'noFeed' | 'notPackaged' }
  | { readonly enabled: true; readonly feed: { readonly provider: 'generic'; readonly url: string } }

/** Every four hours while the app runs, and once at start. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000

export function planUpdates(feedUrl: string | undefined, isPackaged: boolean): UpdatePlan {
  if (!isPackaged) return { enabled: false, reason: 'notPackaged' }
  if (!feedUrl) return { enabled: false, reason: 'noFeed' }
  // The policy layer already refused anything but https without credentials.
  return {
    enabled: true,
    feed: { provider: 'generic', url: feedUrl.endsWith('/') ? feedUrl : `${feedUrl}/` },
  }
}

/** The slice of electron-updater's AppUpdater used here. */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(event: string, listener: (...args: unknown[]) => void): unknown
}

export interface UpdateController {
  status(): UpdateStatus
  install(): boolean
  onChange(listener: (status: UpdateStatus) => void): void
  dispose(): void
}

export function createUpdateController(
  plan: UpdatePlan,
  loadUpdater: () => Promise<Updater>,
  log: { warn(event: string, data?: object): void },
  timers: Pick<typeof globalThis, 'setInterval' | 'clearInterval'> = globalThis,
): UpdateController {
  let status: UpdateStatus = plan.enabled ? { state: 'idle' } : { state: 'disabled', reason: plan.reason }
  const listeners = new Set<(s: UpdateStatus) => void>()
  const set = (next: UpdateStatus) => {
    status = next
    for (const listener of listeners) listener(next)
  }
  let updater: Updater | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  const check = () => {
    if (!updater || status.state === 'downloaded') return
    void updater.checkForUpdates().catch((error: unknown) => {
      log.warn('updates.check-failed', { error })
      set({ state: 'error' })
    })
  }
  if (plan.enabled) {
    void loadUpdater().then(
      (loaded) => {
        updater = loaded
        loaded.autoDownload = true
        loaded.autoInstallOnAppQuit = true
        loaded.setFeedURL(plan.feed)
        loaded.on('checking-for-update', () => set({ state: 'checking' }))
        loaded.on('update-not-available', () => set({ state: 'idle' }))
        loaded.on('update-available', (info) => set({ state: 'available', ...versionOf(info) }))
        loaded.on('update-downloaded', (info) => set({ state: 'downloaded', ...versionOf(info) }))
        loaded.on('error', (error) => {
          log.warn('updates.failed', { error })
          set({ state: 'error' })
        })
        check()
        timer = timers.setInterval(check, CHECK_INTERVAL_MS)
      },
      (error: unknown) => {
        log.warn('updates.unavailable', { error })
        set({ state: 'error' })
      },
    )
  }
  return {
    status: () => status,
    install() {
      if (status.state !== 'downloaded' || !updater) return false
      updater.quitAndInstall()
      return true
    },
    onChange: (listener) => void listeners.add(listener),
    dispose() {
      if (timer) timers.clearInterval(timer)
      listeners.clear()
    },
  }
}

function versionOf(info: unknown): { version?: string } {
  const version = (info as { version?: unknown } | null)?.version
  return typeof version === 'string' ? { version: version.slice(0, 64) } : {}
}

/**
 * Electron-only capabilities handed to core through `HostCapabilities` (DESIGN §1: core never
 * imports electron). Each adapter is a few lines over one Electron API.
 */
import type { Clipboard, Notification as ElectronNotification, SafeStorage, Shell } from 'electron'
import type { HostCapabilities, HostUpdates, SecretStorage } from '../core'
import type { HostClipboard } from '../core/actions/passcode-clipboard'
import type { Logger } from '../core/log'
import { createOpenExternal, isAllowedSignInUrl } from './security'

/**
 * safeStorage's async API (the sync one is deprecated in Electron 45 and slated for removal;
 * https://www.electronjs.org/docs/latest/api/safe-storage). On Linux without a secret service the
 * backend is `basic_text`, i.e. encrypted with a hard-coded password: that is not encryption at
 * rest, so we report "unavailable" and core must not persist secrets (domain doc §4.2).
 */
export function createSecretStorage(
  safeStorage: Pick<
    SafeStorage,
    'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
  >,
  platform: NodeJS.Platform = process.platform,
): SecretStorage {
  return {
    async isAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend()
        if (backend === 'basic_text' || backend === 'unknown') return false
      }
      return true
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(encrypted) {
      // `shouldReEncrypt` (key rotated) is left to the caller's next write: core re-encrypts on save.
      const { result } = await safeStorage.decryptStringAsync(encrypted)
      return result
    },
  }
}

type NotificationConstructor = {
  new (options: { title: string; body: string; silent?: boolean }): Pick<ElectronNotification, 'show'>
  isSupported(): boolean
}

/** Desktop notification (e.g. "passcode reset completed") — silently skipped where unsupported. */
export function createNotifier(Notification: NotificationConstructor): (title: string, body: string) => void {
  return (title, body) => {
    if (!Notification.isSupported()) return
    new Notification({ title: title.slice(0, 120), body: body.slice(0, 400) }).show()
  }
}

/**
 * The main process's clipboard for the temporary passcode's copy-and-clear (DESIGN §4): the
 * renderer cannot read the clipboard (permission requests are denied, security.ts), so core copies
 * and later compares here. Plain text only: `clear()` empties every format, as a password manager does.
 */
export function createHostClipboard(
  clipboard: Pick<Clipboard, 'readText' | 'writeText' | 'clear'>,
): HostClipboard {
  return {
    readText: () => clipboard.readText(),
    writeText: (text) => clipboard.writeText(text),
    clear: () => clipboard.clear(),
  }
}

export interface ElectronCapabilityDeps {
  readonly safeStorage: Parameters<typeof createSecretStorage>[0]
  readonly shell: Pick<Shell, 'openExternal'>
  readonly Notification: NotificationConstructor
  readonly clipboard: Parameters<typeof createHostClipboard>[0]
  /** Electron's net.fetch (system proxy, OS certificate store); core's Graph client and MSAL use it. */
  readonly fetch?: typeof fetch
  readonly createUpdates?: (feedUrl: string | undefined, log: Logger) => HostUpdates
  readonly locale: () => string
  readonly versions: { readonly electron: string; readonly chrome: string }
}

export function createElectronCapabilities(deps: ElectronCapabilityDeps): HostCapabilities {
  return {
    kind: 'electron',
    locale: deps.locale,
    electronVersions: deps.versions,
    secretStorage: createSecretStorage(deps.safeStorage),
    // Core opens the sign-in page: allow-listed https hosts, or the demo tenant on loopback.
    openExternal: createOpenExternal(deps.shell, isAllowedSignInUrl),
    notify: createNotifier(deps.Notification),
    clipboard: createHostClipboard(deps.clipboard),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.createUpdates ? { createUpdates: deps.createUpdates } : {}),
  }
}

/**
 * Whether core validates its outputs against the contract (a cost on every call, a safety net in
 * development). Off in the packaged app — `app.isPackaged`, because nothing sets NODE_ENV at run
 * time — unless PASSCODE_DESK_VALIDATE_OUTPUT=1 asks for it while diagnosing.
 */
export function outputValidation(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged || env.PASSCODE_DESK_VALIDATE_OUTPUT === '1'
}

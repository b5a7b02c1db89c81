import type { HostKind } from '@shared/api/schemas/app'
import type { HostClipboard } from './actions/passcode-clipboard'
import type { Logger } from './log'
import type { HostUpdates } from './updates/handlers'

export type { HostClipboard } from './actions/passcode-clipboard'
export type { HostUpdates } from './updates/handlers'

/**
 * What a host gives core (DESIGN §1): the types every domain module may import without reaching
 * up into the composition root (`index.ts`), so no module imports the file that builds it.
 */

/**
 * Encryption at rest provided by the host: Electron's safeStorage (async API) in the Electron
 * host; absent elsewhere (the browser host and the CLI use the OS keychain or memory: DESIGN §4, domain §4.2).
 */
export interface SecretStorage {
  /** False when the OS offers no real secret store (e.g. Linux `basic_text`): then do not persist. */
  isAvailable(): Promise<boolean>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

/** Capabilities only a host can provide, injected so core never imports electron (DESIGN §1). */
export interface HostCapabilities {
  readonly kind: HostKind
  /** OS locale; the Electron host passes app.getLocale(). */
  readonly locale?: () => string
  readonly electronVersions?: { readonly electron: string; readonly chrome: string }
  readonly secretStorage?: SecretStorage
  /** Opens an https URL (or the sign-in page) in the system browser. */
  readonly openExternal?: (url: string) => Promise<void>
  /** A desktop notification (Electron `Notification`); the browser host's renderer uses the Web API. */
  readonly notify?: (title: string, body: string) => void
  /** The system clipboard (Electron main-process `clipboard`), for the passcode's copy-and-clear. */
  readonly clipboard?: HostClipboard
  /**
   * Every request core makes to Entra ID and Graph (MSAL included). The Electron host passes
   * Electron's net.fetch (system proxy, OS trust store: DESIGN §4); default: Node's fetch, through
   * HTTPS_PROXY when set (core/net/node-fetch.ts).
   */
  readonly fetch?: typeof fetch
  /**
   * Electron host: builds the updater for the organisation's feed (managed UpdateFeedUrl; none →
   * no checks). Other hosts never update themselves.
   */
  readonly createUpdates?: (feedUrl: string | undefined, log: Logger) => HostUpdates
}

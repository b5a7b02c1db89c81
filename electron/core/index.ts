import type { HostKind } from '@shared/api/schemas/app'
import { isDevelopment, systemLocale } from './config'
import { createEventBus, type EventBus } from './events'
import { createAppHandlers } from './handlers/app'
import { createSettingsHandlers } from './handlers/settings'
import { createLogger, type Logger } from './log'
import { createRouter, type Handlers, type Router } from './router'
import { createSettingsStore } from './settings'
import { VERSION } from './version'

/**
 * Encryption at rest provided by the host: Electron's safeStorage (async API) in the Electron
 * host; absent elsewhere (the browser host and the CLI use the OS keychain or memory, issue 6).
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
}

export interface CoreOptions {
  readonly dataDir: string
  readonly host: HostCapabilities
  readonly logger?: Logger
  /** Defaults to on outside production builds. */
  readonly validateOutput?: boolean
  /**
   * Path to a better-sqlite3 binary built for this runtime's ABI. The Electron host passes its
   * Electron build; Node hosts leave it unset and use node_modules' Node build (toolchain notes).
   */
  readonly sqliteNativeBinding?: string
}

export interface Core {
  readonly router: Router
  readonly events: EventBus
  readonly log: Logger
  dispose(): Promise<void>
}

/** The composition root: builds every service once and binds them to the one router. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const validate = options.validateOutput ?? isDevelopment()
  const log = options.logger ?? createLogger({ dir: `${options.dataDir}/logs`, level: 'info' })
  const events = createEventBus({ validate, log })
  const settings = createSettingsStore(options.dataDir)

  const handlers: Handlers = {
    ...createAppHandlers({
      version: VERSION,
      hostKind: options.host.kind,
      dataDir: options.dataDir,
      locale: options.host.locale ?? (() => systemLocale()),
      electronVersions: options.host.electronVersions,
    }),
    ...createSettingsHandlers(settings, events),
  }

  const router = createRouter(handlers, { validateOutput: validate, log })
  log.info('core.started', { host: options.host.kind })
  return {
    router,
    events,
    log,
    async dispose() {
      log.info('core.stopped')
    },
  }
}

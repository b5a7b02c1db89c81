/**
 * A stand-in for the whole `electron` module, for tests that import electron/main/index.ts (which
 * runs its lifecycle on import). Used from `vi.mock('electron', …)`. Wiring only: no real app.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeBrowserWindow, FakeIpcMain, FakeSession, FakeShell } from './fakes'

export class FakeApp extends EventEmitter {
  readonly calls: string[] = []
  readonly userData = mkdtempSync(join(tmpdir(), 'pd-electron-userdata-'))
  readonly isPackaged = false
  private isReadyNow = false
  private readyResolve!: () => void
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve))
  constructor(
    private readonly lock: boolean,
    /** A user-data path under a regular file, so that core cannot start there. */
    private readonly brokenUserData = false,
  ) {
    super()
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox')
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock')
    return this.lock
  }
  quit(): void {
    this.calls.push('quit')
  }
  exit(code: number): void {
    this.calls.push(`exit:${code}`)
  }
  whenReady(): Promise<void> {
    this.calls.push('whenReady')
    return this.ready
  }
  /** The test decides when Electron becomes ready, to check what happened before. */
  becomeReady(): void {
    this.calls.push('ready')
    this.isReadyNow = true
    this.readyResolve()
  }
  isReady(): boolean {
    return this.isReadyNow
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`)
    if (!this.brokenUserData) return this.userData
    writeFileSync(join(this.userData, 'not-a-dir'), '')
    return join(this.userData, 'not-a-dir', 'Passcode Desk')
  }
  getAppPath(): string {
    return '/nonexistent/passcode-desk'
  }
  setAppUserModelId(id: string): void {
    this.calls.push(`setAppUserModelId:${id}`)
  }
  getLocale(): string {
    return 'fr-FR'
  }
  setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]): boolean {
    this.calls.push(`setAsDefaultProtocolClient:${[scheme, path, ...(args ?? [])].filter(Boolean).join(' ')}`)
    return true
  }
  isDefaultProtocolClient(): boolean {
    return false
  }
}

export function createElectronMock(options: { lock: boolean; brokenUserData?: boolean }) {
  const app = new FakeApp(options.lock, options.brokenUserData)
  const schemes: unknown[] = []
  const handledSchemes: string[] = []
  const defaultSession = new FakeSession()
  /**
   * Stands in for Electron's net.fetch: records every URL core requests and forwards it to Node's
   * fetch (the demo tenant on 127.0.0.1). `hold()` makes requests wait until `release()`, so a test
   * can look at the app while core is still starting.
   */
  const net = {
    requested: [] as string[],
    gate: null as Promise<void> | null,
    open: () => {},
    hold() {
      net.gate = new Promise<void>((resolve) => (net.open = resolve))
    },
    release() {
      net.open()
      net.gate = null
    },
    async fetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
      net.requested.push(String(input instanceof Request ? input.url : input))
      if (net.gate) await net.gate
      return fetch(input, init)
    },
  }
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    net,
    session: { defaultSession },
    shell: new FakeShell(),
    protocol: {
      schemes,
      handledSchemes,
      registerSchemesAsPrivileged(list: unknown[]) {
        app.calls.push('registerSchemesAsPrivileged')
        schemes.push(...list)
      },
      handle(scheme: string) {
        app.calls.push(`protocol.handle:${scheme}`)
        handledSchemes.push(scheme)
      },
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => false,
      getSelectedStorageBackend: () => 'basic_text',
      encryptStringAsync: async () => Buffer.alloc(0),
      decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }),
    },
    Notification: class {
      static isSupported = () => false
      show() {}
    },
    clipboard: { readText: async () => '', writeText: async () => {}, clear: () => {} },
    dialog: {
      showErrorBox(title: string, content: string) {
        app.calls.push(`dialog:${title}:${content}`)
      },
      async showMessageBox(_win: unknown, options: { message: string }) {
        app.calls.push(`messageBox:${options.message}`)
        return { response: 0, checkboxChecked: false }
      },
    },
  }
}

export type ElectronMock = ReturnType<typeof createElectronMock>

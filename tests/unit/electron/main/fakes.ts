/**
 * Stand-ins for the few Electron objects the host wiring touches (the approach of electron/fiddle's
 * tests, which mock the `electron` module). They record what the code under test installed, so a
 * test can fire an event and see what the handler did. They check WIRING only: no real window,
 * no real Chromium, no real IPC.
 */
import { EventEmitter } from 'node:events'

export class FakeEvent {
  defaultPrevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

export class FakeWebContents extends EventEmitter {
  static nextId = 1
  readonly id = FakeWebContents.nextId++
  windowOpenHandler: WindowOpenHandler | null = null
  readonly sent: unknown[][] = []
  readonly mainFrame: FakeFrame
  constructor(url = 'app://passcode-desk/index.html') {
    super()
    this.mainFrame = new FakeFrame(url, null)
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(...args: unknown[]): void {
    this.sent.push(args)
  }
  /** Fires an event the way Electron does (event object first, carrying `url`). */
  fire(name: string, url: string): FakeEvent {
    const event = new FakeEvent(url)
    this.emit(name, event, url)
    return event
  }
}

export class FakeFrame {
  detached = false
  constructor(
    public url: string,
    public parent: FakeFrame | null,
  ) {}
  get origin(): string {
    const u = new URL(this.url)
    return `${u.protocol}//${u.host}`
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  static nextId = 1
  readonly id = FakeBrowserWindow.nextId++
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  destroyed = false
  maximized = false
  minimized = false
  shown = false
  focused = false
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 }
  constructor(readonly options: Record<string, unknown> = {}) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed)
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    return Promise.resolve()
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return this.minimized
  }
  maximize(): void {
    this.maximized = true
  }
  restore(): void {
    this.minimized = false
  }
  show(): void {
    this.shown = true
  }
  focus(): void {
    this.focused = true
  }
  getNormalBounds() {
    return this.normalBounds
  }
}

export class FakeSession {
  permissionRequestHandler:
    | ((
        wc: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details?: { requestingUrl?: string },
      ) => void)
    | null = null
  permissionCheckHandler: ((wc: unknown, permission: string, requestingOrigin?: string) => boolean) | null =
    null
  devicePermissionHandler: ((details: unknown) => boolean) | null = null
  setPermissionRequestHandler(h: NonNullable<FakeSession['permissionRequestHandler']>): void {
    this.permissionRequestHandler = h
  }
  setPermissionCheckHandler(h: NonNullable<FakeSession['permissionCheckHandler']>): void {
    this.permissionCheckHandler = h
  }
  setDevicePermissionHandler(h: NonNullable<FakeSession['devicePermissionHandler']>): void {
    this.devicePermissionHandler = h
  }
}

export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown

export class FakeIpcMain {
  readonly handlers = new Map<string, IpcHandler>()
  handle(channel: string, handler: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

export class FakeShell {
  readonly opened: string[] = []
  openExternal(url: string): Promise<void> {
    this.opened.push(url)
    return Promise.resolve()
  }
}

/** Lets pending promise callbacks (e.g. a void openExternal) run. */
export const flush = () => new Promise((resolve) => setImmediate(resolve))

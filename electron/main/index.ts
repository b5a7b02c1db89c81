/**
 * Electron host entry: lifecycle only. Everything the app does lives in core (electron/core,
 * host-agnostic); the files beside this one adapt it to Electron, one job each.
 */
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron'
import { createCore, type Core } from '../core'
import { createElectronCapabilities, outputValidation } from './capabilities'
import { createLinkDelivery, linkFromLaunch, registerProtocolClient } from './deep-links'
import { registerIpcHandlers, type IpcBinding } from './ipc'
import { installLoadRecovery } from './load-recovery'
import { electronSqliteBinding } from './native-binding'
import { installAppProtocol, registerAppScheme } from './protocol'
import { createOpenExternal, installAppWideGuards, installSessionGuards } from './security'
import { createUpdateController, planUpdates, type Updater } from './updates'
import { createMainWindow } from './window'
import { loadWindowState, trackWindowState } from './window-state'

let mainWindow: BrowserWindow | null = null
/** Deep links (passcode-desk://) wait here until core has started. */
const links = createLinkDelivery()

function openWindow(): BrowserWindow {
  const appPath = app.getAppPath()
  const stateFile = join(app.getPath('userData'), 'window-state.json')
  const win = createMainWindow(
    BrowserWindow,
    { preload: join(appPath, 'out', 'preload', 'index.cjs'), icon: join(appPath, 'resources', 'icon.png') },
    loadWindowState(stateFile, screen),
  )
  trackWindowState(win, stateFile)
  installLoadRecovery(win, { dialog, locale: () => app.getLocale(), quit: () => app.quit() })
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null
  })
  mainWindow = win
  return win
}

/** Brings the window forward, or opens one (macOS keeps running with none). */
function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    openWindow()
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function failStart(error: unknown): void {
  dialog.showErrorBox(
    'Passcode Desk',
    `Passcode Desk could not start: ${error instanceof Error ? error.message : String(error)}`,
  )
  app.exit(1)
}

async function start(): Promise<void> {
  await app.whenReady()
  // Windows shows notifications only for an app with an AppUserModelID (the packaged appId).
  if (process.platform === 'win32') app.setAppUserModelId('com.passcodedesk.app')
  installSessionGuards(session.defaultSession)
  installAppProtocol(protocol, join(app.getAppPath(), 'out', 'renderer'))

  // The window opens at once and the renderer shows its starting state; core (the demo tenant,
  // safeStorage — possibly a Keychain prompt on macOS) starts meanwhile, and IPC calls wait for it.
  const starting: Promise<Core> = createCore({
    dataDir: app.getPath('userData'),
    host: createElectronCapabilities({
      safeStorage,
      shell,
      Notification,
      clipboard,
      // Electron's network stack: system proxy and PAC, OS certificate store (DESIGN §4).
      fetch: net.fetch as unknown as typeof fetch,
      // electron-updater is loaded only when a managed feed exists (it reads the app at import).
      createUpdates: (feedUrl, log) =>
        createUpdateController(
          planUpdates(feedUrl, app.isPackaged),
          async () => {
            // CommonJS package: its getter-defined export may only be on the default export.
            const mod = (await import('electron-updater')) as unknown as {
              autoUpdater?: Updater
              default?: { autoUpdater?: Updater }
            }
            const updater = mod.autoUpdater ?? mod.default?.autoUpdater
            if (!updater) throw new Error('electron-updater has no autoUpdater')
            return updater
          },
          log,
        ),
      locale: () => app.getLocale(),
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
    }),
    sqliteNativeBinding: electronSqliteBinding(process.env, app.isPackaged),
    // The SQL worker thread's entry, built beside this one (electron.vite.config.ts).
    sqlWorkerScript: join(app.getAppPath(), 'out', 'main', 'sql-worker.js'),
    // NODE_ENV is set by nothing at run time: the packaged app is what "production" means here.
    validateOutput: outputValidation(app.isPackaged, process.env),
  })
  const ipc: IpcBinding = registerIpcHandlers(ipcMain, starting, () => mainWindow)
  openWindow()
  // First run of a copied (not installed) app: the installers register the scheme otherwise.
  registerProtocolClient(app)
  const launchLink = linkFromLaunch(process.argv)
  if (launchLink) links.offer(launchLink)
  void starting.then(
    (core) => links.attach(core.links),
    () => {},
  )

  // macOS keeps the app alive with no window; clicking the dock icon opens one again.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })

  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    event.preventDefault()
    disposed = true
    ipc.dispose()
    // Quitting while core is still starting: let it finish starting, then stop it.
    void starting
      .then((core) => core.dispose())
      .catch(() => {})
      .finally(() => app.quit())
  })
  await starting
}

// Everything below runs before `ready`: the sandbox for every renderer, the privileged app://
// scheme, the single-instance lock, and the navigation guards for any web contents ever created.
app.enableSandbox()
registerAppScheme(protocol)

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first (which focuses its window) and leaves.
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    // Windows/Linux: a clicked passcode-desk:// link starts a second instance with it in argv.
    const link = linkFromLaunch(argv)
    if (link) links.offer(link)
    // Before ready there is nothing to show yet (the first window opens on ready).
    if (!app.isReady()) return
    showWindow()
  })
  // macOS: links arrive as open-url, also before ready for the link that launched the app.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    links.offer(url)
    if (app.isReady()) showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  installAppWideGuards(app, createOpenExternal(shell))
  start().catch(failStart)
}

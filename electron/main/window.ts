/**
 * The one application window, with the DESIGN §4 settings from the Electron security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security): sandboxed, context-isolated renderer
 * without Node, loading our own `app://` origin.
 */
import { existsSync } from 'node:fs'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { APP_START_URL } from './protocol'
import { DEFAULT_SIZE, type WindowState } from './window-state'

export const WINDOW_TITLE = 'Passcode Desk'

export interface WindowPaths {
  /** out/preload/index.cjs: CommonJS, because a sandboxed preload cannot be an ES module. */
  readonly preload: string
  /** resources/icon.png when present (Windows and macOS take the icon from the packaged app). */
  readonly icon?: string
}

export function mainWindowOptions(paths: WindowPaths, state: WindowState): BrowserWindowConstructorOptions {
  return {
    ...DEFAULT_SIZE,
    ...(state.bounds ?? {}),
    minWidth: 900,
    minHeight: 600,
    title: WINDOW_TITLE,
    show: false,
    backgroundColor: '#1f1f1f',
    ...(paths.icon && existsSync(paths.icon) ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  }
}

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow

/** Creates the window, shows it once painted (no white flash), and loads the app's start page. */
export function createMainWindow(
  BrowserWindowCtor: WindowConstructor,
  paths: WindowPaths,
  state: WindowState,
): BrowserWindow {
  const win = new BrowserWindowCtor(mainWindowOptions(paths, state))
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize()
    win.show()
  })
  // The page's own <title> must not rename the window (the title is the product name).
  win.on('page-title-updated', (event) => event.preventDefault())
  void win.loadURL(APP_START_URL)
  return win
}

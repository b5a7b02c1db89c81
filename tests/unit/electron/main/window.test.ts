// Electron host wiring: the options the one window is created with (stand-in BrowserWindow).
import { describe, expect, it } from 'vitest'
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { createMainWindow, mainWindowOptions, WINDOW_TITLE } from '../../../../electron/main/window'
import { FakeBrowserWindow, FakeEvent } from './fakes'

const paths = { preload: '/app/out/preload/index.cjs', icon: '/nonexistent/icon.png' }

describe('main window', () => {
  it('uses the DESIGN §4 web preferences', () => {
    const options = mainWindowOptions(paths, { maximized: false })
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    })
    expect(options.title).toBe('Passcode Desk')
    expect(options.show).toBe(false)
    expect(options).not.toHaveProperty('icon') // missing icon file: no icon option rather than a broken path
  })

  it('applies restored bounds', () => {
    const options = mainWindowOptions(paths, {
      bounds: { x: 1, y: 2, width: 1000, height: 700 },
      maximized: false,
    })
    expect(options).toMatchObject({ x: 1, y: 2, width: 1000, height: 700 })
  })

  it('loads app://passcode-desk/index.html and shows (maximized if remembered) only when ready', () => {
    const win = createMainWindow(
      FakeBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      paths,
      { maximized: true },
    ) as unknown as FakeBrowserWindow
    expect(win.loadedUrl).toBe('app://passcode-desk/index.html')
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
    expect(win.maximized).toBe(true)
    const titleChange = new FakeEvent()
    win.emit('page-title-updated', titleChange, 'Something else')
    expect(titleChange.defaultPrevented).toBe(true)
    expect(WINDOW_TITLE).toBe('Passcode Desk')
  })
})

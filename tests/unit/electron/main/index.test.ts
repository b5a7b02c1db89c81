// Electron host wiring (the whole `electron` module is a stand-in, the core is REAL): what
// electron/main/index.ts installs, in which order, and that a call from the window's main frame
// reaches the real router. This does not start a real Electron window.
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '@shared/api/channels'
import type { Result } from '@shared/api/result'
import type { ElectronMock } from './electron-mock'
import { FakeEvent, FakeWebContents, type FakeBrowserWindow } from './fakes'

vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock({ lock: true }))

let electron: ElectronMock
let win: FakeBrowserWindow

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}

beforeAll(async () => {
  electron = (await import('electron')) as unknown as ElectronMock
  await import('../../../../electron/main/index')
})

afterAll(() => rmSync(electron.app.userData, { recursive: true, force: true }))

describe('Electron main lifecycle', () => {
  it('before ready: enables the sandbox, registers app:// as privileged, takes the lock, guards web contents', () => {
    const { app } = electron
    expect(app.calls.slice(0, 4)).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
      'whenReady',
    ])
    expect(electron.protocol.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(app.listenerCount('second-instance')).toBe(1)
    expect(app.listenerCount('web-contents-created')).toBe(1)
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })

  it('opens the window at once while core is starting; IPC calls wait for core, then get answers', async () => {
    // Core's first request (the demo tenant's OpenID configuration, through net.fetch) is held:
    // core cannot finish starting until the test lets it.
    electron.net.hold()
    electron.app.becomeReady()
    await until(() => electron.BrowserWindow.instances.length === 1, 'the window')
    win = electron.BrowserWindow.instances[0]!
    expect(win.loadedUrl).toBe('app://passcode-desk/index.html')
    await until(() => electron.net.requested.length > 0, 'core’s first request')
    let answered = false
    const pending = (
      electron.ipcMain.handlers.get('app:info')!(
        { sender: win.webContents, senderFrame: win.webContents.mainFrame },
        undefined,
      ) as Promise<Result<unknown>>
    ).then((r) => {
      answered = true
      return r
    })
    await new Promise((r) => setTimeout(r, 30))
    expect(answered).toBe(false)
    electron.net.release()
    await expect(pending).resolves.toMatchObject({ ok: true, value: { hostKind: 'electron' } })
  })

  it('core reaches Entra ID through Electron’s net.fetch (system proxy, OS trust store)', () => {
    expect(
      electron.net.requested.some((u) => /^http:\/\/127\.0\.0\.1:\d+\/.*openid-configuration/.test(u)),
    ).toBe(true)
  })

  it('after ready: session guards, app:// handler, IPC for every channel, one hardened window', async () => {
    const denied: boolean[] = []
    electron.session.defaultSession.permissionRequestHandler!({}, 'media', (g) => denied.push(g))
    expect(denied).toEqual([false])
    expect(electron.session.defaultSession.permissionCheckHandler!({}, 'notifications')).toBe(false)
    expect(electron.protocol.handledSchemes).toEqual(['app'])
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      preload: '/nonexistent/passcode-desk/out/preload/index.cjs',
    })
    expect(win.options.title).toBe('Passcode Desk')
    expect(win.loadedUrl).toBe('app://passcode-desk/index.html')
  })

  it('serves app:info from the real core to the window, with the Electron host facts', async () => {
    const handler = electron.ipcMain.handlers.get('app:info')!
    const result = (await handler(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      undefined,
    )) as Result<{
      hostKind: string
      dataDir: string
      locale: string
    }>
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.hostKind).toBe('electron')
    expect(result.value.dataDir).toBe(electron.app.userData)
    expect(result.value.locale).toBe('fr-FR')
    const foreign = new FakeWebContents('https://evil.example/')
    const refused = await handler({ sender: foreign, senderFrame: foreign.mainFrame }, undefined)
    expect(refused).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } })
  })

  it('guards web contents created later (navigation and window.open)', () => {
    const contents = new FakeWebContents()
    electron.app.emit('web-contents-created', {}, contents)
    expect(contents.fire('will-navigate', 'https://evil.example/').defaultPrevented).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })

  it('a second launch focuses (and restores) the existing window', () => {
    win.minimized = true
    electron.app.emit('second-instance', {}, [], '/')
    expect(win.minimized).toBe(false)
    expect(win.focused).toBe(true)
  })

  it('deep links: registered at first run; open-url and second-instance argv reach core, hostile ones do not', async () => {
    expect(electron.app.calls.some((c) => c.startsWith('setAsDefaultProtocolClient:passcode-desk'))).toBe(
      true,
    )
    const take = () =>
      electron.ipcMain.handlers.get('links:take')!(
        { sender: win.webContents, senderFrame: win.webContents.mainFrame },
        undefined,
      ) as Promise<Result<unknown>>
    const before = win.webContents.sent.length
    const openUrl = new FakeEvent()
    electron.app.emit('open-url', openUrl, 'passcode-desk://device?serial=C02XK1JHJG5H&ticket=INC0012345')
    expect(openUrl.defaultPrevented).toBe(true)
    expect(await take()).toEqual({
      ok: true,
      value: { by: 'serial', value: 'C02XK1JHJG5H', ticket: 'INC0012345' },
    })
    expect(await take()).toEqual({ ok: true, value: null }) // taken once
    expect(win.webContents.sent.slice(before).some((m) => m[1] === 'links:opened')).toBe(true)

    electron.app.emit(
      'second-instance',
      {},
      ['/opt/Passcode Desk', 'passcode-desk://device?imei=356938035643809'],
      '/',
    )
    expect(await take()).toMatchObject({ value: { by: 'imei', value: '356938035643809' } })
    electron.app.emit('open-url', new FakeEvent(), 'passcode-desk://device?serial=A&action=reset')
    expect(await take()).toEqual({ ok: true, value: { refused: 'unknownParameter' } })
    electron.app.emit('second-instance', {}, ['/x', 'passcode-desk://settings?locale=en'], '/')
    // Refused: only the reason reaches the window (it says so), never the link; then nothing.
    expect(await take()).toEqual({ ok: true, value: { refused: 'unknownTarget' } })
    expect(await take()).toEqual({ ok: true, value: null })
  })

  it('a failed load or a crashed renderer shows the window with an error and reloads', async () => {
    win.shown = false
    win.loadedUrl = null
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://passcode-desk/', true)
    win.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x/', false)
    expect(win.shown).toBe(false) // aborted loads and sub-frames are not failures of the window
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://passcode-desk/', true)
    expect(win.shown).toBe(true)
    await until(() => win.loadedUrl === 'app://passcode-desk/index.html', 'the reload')
    // The mock's locale is fr-FR: the message is in French.
    expect(electron.app.calls).toContain('messageBox:La fenêtre de Passcode Desk n’a pas pu se charger.')
    win.loadedUrl = null
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    await until(() => win.loadedUrl === 'app://passcode-desk/index.html', 'the reload after a crash')
  })

  it('a second launch with no window open (macOS keeps running) opens one', () => {
    win.destroyed = true
    win.emit('closed')
    const count = electron.BrowserWindow.instances.length
    electron.app.emit('second-instance', {}, [], '/')
    expect(electron.BrowserWindow.instances).toHaveLength(count + 1)
    win = electron.BrowserWindow.instances.at(-1)!
  })

  it('quits when every window is closed (not on macOS), disposing core before the final quit', async () => {
    const quitsBefore = electron.app.calls.filter((c) => c === 'quit').length
    electron.app.emit('window-all-closed')
    const expected = process.platform === 'darwin' ? 0 : 1
    expect(electron.app.calls.filter((c) => c === 'quit').length).toBe(quitsBefore + expected)

    const willQuit = new FakeEvent()
    electron.app.emit('will-quit', willQuit)
    expect(willQuit.defaultPrevented).toBe(true)
    expect(electron.ipcMain.handlers.size).toBe(0)
    await until(
      () => electron.app.calls.filter((c) => c === 'quit').length === quitsBefore + expected + 1,
      'final quit',
    )
    const again = new FakeEvent()
    electron.app.emit('will-quit', again)
    expect(again.defaultPrevented).toBe(false)
  })
})

// Electron host wiring (the `electron` module is a stand-in, core is real): when core cannot start
// (here: its data directory cannot be created), the agent sees an error box and the app exits,
// instead of a window that can do nothing (the window opened at once, while core was starting).
// No real Electron app is started.
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import type { ElectronMock } from './electron-mock'

vi.mock('electron', async () =>
  (await import('./electron-mock')).createElectronMock({ lock: true, brokenUserData: true }),
)

let electron: ElectronMock
afterAll(() => rmSync(electron.app.userData, { recursive: true, force: true }))

describe('Electron main: core fails to start', () => {
  it('shows an error box and exits with 1; the window that opened at start gets coded errors', async () => {
    electron = (await import('electron')) as unknown as ElectronMock
    await import('../../../../electron/main/index')
    electron.app.becomeReady()
    for (let i = 0; i < 200 && !electron.app.calls.includes('exit:1'); i++)
      await new Promise((r) => setTimeout(r, 10))
    expect(electron.app.calls).toContain('exit:1')
    expect(
      electron.app.calls.some((c) => c.startsWith('dialog:Passcode Desk:Passcode Desk could not start')),
    ).toBe(true)
    expect(electron.BrowserWindow.instances).toHaveLength(1)
    const win = electron.BrowserWindow.instances[0]!
    const result = await electron.ipcMain.handlers.get('app:info')!(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      undefined,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

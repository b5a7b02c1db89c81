// Electron host wiring (the whole `electron` module is a stand-in): a second launch, which does not
// get the single-instance lock, quits at once and starts nothing. No real Electron app is started.
import { describe, expect, it, vi } from 'vitest'
import type { ElectronMock } from './electron-mock'

vi.mock('electron', async () => (await import('./electron-mock')).createElectronMock({ lock: false }))

describe('Electron main: second instance', () => {
  it('quits without waiting for ready, creating a window or registering IPC', async () => {
    const electron = (await import('electron')) as unknown as ElectronMock
    await import('../../../../electron/main/index')
    const { app } = electron
    expect(app.calls).toContain('requestSingleInstanceLock')
    expect(app.calls).toContain('quit')
    expect(app.calls).not.toContain('whenReady')
    expect(app.listenerCount('second-instance')).toBe(0)
    expect(electron.ipcMain.handlers.size).toBe(0)
    expect(electron.BrowserWindow.instances).toHaveLength(0)
    // The scheme registration still happens before ready (harmless, and required if we had the lock).
    expect(app.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(app.calls.indexOf('quit'))
  })
})

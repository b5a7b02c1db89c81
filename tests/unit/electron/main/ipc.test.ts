// Electron host wiring: ipcMain / window are stand-ins, but calls go through the REAL core
// (createCore on a temp data dir) and its router. No real IPC or window is involved.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserWindow, IpcMain } from 'electron'
import { CHANNELS, EVENT_IPC_CHANNEL } from '@shared/api/channels'
import type { Result } from '@shared/api/result'
import { createCore, type Core } from '../../../../electron/core'
import { createLogger } from '../../../../electron/core/log'
import { isTrustedSender, registerIpcHandlers, type IpcBinding } from '../../../../electron/main/ipc'
import { FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents } from './fakes'

let dataDir: string
let core: Core
let ipcMain: FakeIpcMain
let win: FakeBrowserWindow | null
let binding: IpcBinding

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pd-ipc-'))
  core = await createCore({
    dataDir,
    host: { kind: 'electron', locale: () => 'fr-FR' },
    logger: createLogger({}),
  })
  ipcMain = new FakeIpcMain()
  win = new FakeBrowserWindow()
  binding = registerIpcHandlers(ipcMain as unknown as IpcMain, core, () => win as unknown as BrowserWindow)
})

afterAll(async () => {
  binding.dispose()
  await core.dispose()
  rmSync(dataDir, { recursive: true, force: true })
})

/** An invoke event as Electron builds it: the sending webContents and the frame that sent it. */
const eventFrom = (sender: FakeWebContents, frame: FakeFrame | null) => ({ sender, senderFrame: frame })
const invoke = (channel: string, event: unknown, input?: unknown) =>
  ipcMain.handlers.get(channel)!(event, input) as Promise<Result<unknown>>

describe('IPC binding', () => {
  it('registers one handler per contract channel, and nothing else', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('serves our window main frame through the real router', async () => {
    const result = await invoke('app:info', eventFrom(win!.webContents, win!.webContents.mainFrame))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({
      name: 'Passcode Desk',
      hostKind: 'electron',
      dataDir,
      locale: 'fr-FR',
    })
  })

  it('returns the router’s coded errors for bad input from a trusted sender', async () => {
    const result = await invoke('app:info', eventFrom(win!.webContents, win!.webContents.mainFrame), {
      extra: 1,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a sub-frame of our own window, even on our origin', async () => {
    const child = new FakeFrame('app://passcode-desk/index.html', win!.webContents.mainFrame)
    const result = await invoke('app:info', eventFrom(win!.webContents, child))
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } })
  })

  it('refuses another web contents, a foreign origin, a missing or detached frame', async () => {
    const other = new FakeWebContents()
    const cases = [
      eventFrom(other, other.mainFrame),
      eventFrom(win!.webContents, new FakeFrame('https://evil.example/', null)),
      eventFrom(win!.webContents, new FakeFrame('app://evil/index.html', null)),
      eventFrom(win!.webContents, new FakeFrame('file:///index.html', null)),
      eventFrom(win!.webContents, null),
    ]
    const detached = new FakeFrame('app://passcode-desk/index.html', null)
    detached.detached = true
    cases.push(eventFrom(win!.webContents, detached))
    for (const event of cases) {
      const result = await invoke('settings:get', event)
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } })
    }
  })

  it('refuses everything once the window is gone', async () => {
    const saved = win
    saved!.destroyed = true
    expect(
      isTrustedSender(eventFrom(saved!.webContents, saved!.webContents.mainFrame) as never, saved as never),
    ).toBe(false)
    win = null
    const result = await invoke('app:info', eventFrom(saved!.webContents, saved!.webContents.mainFrame))
    expect(result).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } })
    saved!.destroyed = false
    win = saved
  })

  it('forwards core events to the window on the one event channel', async () => {
    const before = win!.webContents.sent.length
    const current = await invoke('settings:get', eventFrom(win!.webContents, win!.webContents.mainFrame))
    expect(current.ok).toBe(true)
    // Emit through the real bus with a payload the real settings:get produced.
    core.events.emit('settings:changed', (current as unknown as { value: never }).value)
    const sent = win!.webContents.sent.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]![0]).toBe(EVENT_IPC_CHANNEL)
    expect(sent[0]![1]).toBe('settings:changed')
  })

  it('removes every handler on dispose', () => {
    const local = new FakeIpcMain()
    const b = registerIpcHandlers(local as unknown as IpcMain, core, () => null)
    expect(local.handlers.size).toBe(CHANNELS.length)
    b.dispose()
    expect(local.handlers.size).toBe(0)
  })

  it('while core is starting, a call waits for it instead of failing (the window opens first)', async () => {
    const local = new FakeIpcMain()
    let startCore!: (c: Core) => void
    const starting = new Promise<Core>((resolve) => (startCore = resolve))
    const b = registerIpcHandlers(
      local as unknown as IpcMain,
      starting,
      () => win as unknown as BrowserWindow,
    )
    expect(local.handlers.size).toBe(CHANNELS.length)
    let settled = false
    const pending = (
      local.handlers.get('app:info')!(
        eventFrom(win!.webContents, win!.webContents.mainFrame),
        undefined,
      ) as Promise<Result<unknown>>
    ).then((r) => {
      settled = true
      return r
    })
    await new Promise((r) => setTimeout(r, 20))
    expect(settled).toBe(false)
    startCore(core)
    await expect(pending).resolves.toMatchObject({ ok: true, value: { hostKind: 'electron' } })
    b.dispose()
  })

  it('when core fails to start, waiting calls get a coded error (never hang)', async () => {
    const local = new FakeIpcMain()
    const b = registerIpcHandlers(
      local as unknown as IpcMain,
      Promise.reject(new Error('disk full')),
      () => win as unknown as BrowserWindow,
    )
    const result = await local.handlers.get('settings:get')!(
      eventFrom(win!.webContents, win!.webContents.mainFrame),
      undefined,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    b.dispose()
  })
})

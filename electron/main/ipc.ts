/**
 * Binds the one core router to Electron IPC: one `ipcMain.handle` per channel of the contract, each
 * checking who is calling (Electron security checklist item 17, "Validate the sender of all IPC
 * messages": https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNELS, EVENT_IPC_CHANNEL } from '@shared/api/channels'
import { err, type Result } from '@shared/api/result'
import type { Core } from '../core'
import { APP_HOST, APP_SCHEME } from './protocol'

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

/**
 * Only the main frame of our own window, showing our own `app://passcode-desk` page, may call core.
 * An iframe (even same-origin), another window, or a page that somehow navigated elsewhere is refused.
 * The URL is checked rather than `frame.origin` because the browser process commits it; WHATWG
 * `URL.origin` is "null" for custom schemes, so scheme and host are compared directly.
 */
export function isTrustedSender(event: SenderEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false
  const frame = event.senderFrame
  if (!frame || frame.detached || frame.parent !== null) return false
  if (event.sender.id !== win.webContents.id) return false
  try {
    const url = new URL(frame.url)
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
  } catch {
    return false
  }
}

export interface IpcBinding {
  dispose(): void
}

type CoreLike = Pick<Core, 'router' | 'events' | 'log'>

/**
 * `getWindow` is read on every call, so a window re-created on macOS `activate` keeps working and
 * a closed one stops being trusted.
 *
 * `core` may still be starting (the window opens at once while createCore runs — the demo tenant
 * and a possible Keychain prompt take time): the handlers exist from the start and each call
 * awaits core, so the renderer's first calls simply wait instead of failing with "no handler".
 * The sender is checked before waiting, against the window of the moment of the call.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: CoreLike | Promise<CoreLike>,
  getWindow: () => BrowserWindow | null,
): IpcBinding {
  const ready = Promise.resolve(core)
  // A core that fails to start is reported by the host (error box, exit); calls then fail cleanly.
  ready.catch(() => {})
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      const win = getWindow()
      const trusted = isTrustedSender(event, win)
      let started: CoreLike
      try {
        started = await ready
      } catch {
        return err('INTERNAL', 'Passcode Desk could not start')
      }
      if (!trusted) {
        started.log.warn('ipc.sender-rejected', {
          channel,
          frameUrl: event.senderFrame?.url.slice(0, 80) ?? null,
        })
        return err('IPC_SENDER_REJECTED', 'IPC call from a frame that is not the Passcode Desk window')
      }
      return started.router.call(channel, input, { host: 'electron', clientId: `window-${win!.id}` })
    })
  }

  let unsubscribe: (() => void) | null = null
  let disposed = false
  void ready.then(
    (started) => {
      if (disposed) return
      unsubscribe = started.events.subscribe((name, payload) => {
        const win = getWindow()
        if (win && !win.isDestroyed()) win.webContents.send(EVENT_IPC_CHANNEL, name, payload)
      })
    },
    () => {},
  )

  return {
    dispose() {
      disposed = true
      unsubscribe?.()
      for (const channel of CHANNELS) ipcMain.removeHandler(channel)
    },
  }
}

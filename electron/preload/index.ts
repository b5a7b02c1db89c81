/**
 * Sandboxed preload (CommonJS, no npm imports — only `electron` and the zod-free channel list):
 * exposes exactly `window.helpdesk`, one method per channel plus `on(event, cb)` returning an
 * unsubscribe — never raw ipcRenderer (DESIGN §4; Electron security checklist item 20,
 * https://www.electronjs.org/docs/latest/tutorial/security#20-do-not-expose-electron-apis-to-untrusted-web-content).
 * Nothing is exported: this file is an entry, and a sandboxed preload has no module consumers.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENT_IPC_CHANNEL, isEventName, type EventName } from '@shared/api/channels'

function buildApi(): Record<string, unknown> {
  const api: Record<string, unknown> = {}
  for (const channel of CHANNELS) {
    // One argument only: the renderer cannot smuggle extra IPC arguments past the contract.
    api[channel] = (input?: unknown) => ipcRenderer.invoke(channel, input)
  }
  api.on = (event: EventName, callback: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event) || typeof callback !== 'function') return () => {}
    // The IPC event object (with `sender`) never reaches the page: only the payload does.
    const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) callback(payload)
    }
    ipcRenderer.on(EVENT_IPC_CHANNEL, listener)
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      ipcRenderer.removeListener(EVENT_IPC_CHANNEL, listener)
    }
  }
  return api
}

contextBridge.exposeInMainWorld('helpdesk', Object.freeze(buildApi()))

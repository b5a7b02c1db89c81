/**
 * Sandboxed preload (CommonJS, no npm imports): exposes exactly `window.helpdesk`, one method per
 * channel plus `on(event, cb)` returning an unsubscribe — never raw ipcRenderer (DESIGN §4).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHANNELS, EVENTS, type EventName } from '@shared/api/channels'

export const EVENT_IPC_CHANNEL = 'passcode-desk:event'

const api: Record<string, unknown> = {}
for (const channel of CHANNELS) {
  api[channel] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}
api.on = (event: EventName, callback: (payload: unknown) => void): (() => void) => {
  if (!(EVENTS as readonly string[]).includes(event) || typeof callback !== 'function') return () => {}
  const listener = (_e: IpcRendererEvent, name: string, payload: unknown) => {
    if (name === event) callback(payload)
  }
  ipcRenderer.on(EVENT_IPC_CHANNEL, listener)
  return () => {
    ipcRenderer.removeListener(EVENT_IPC_CHANNEL, listener)
  }
}

contextBridge.exposeInMainWorld('helpdesk', Object.freeze(api))

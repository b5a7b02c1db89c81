/**
 * The renderer's only door to core (DESIGN §1). In Electron it calls `window.helpdesk` (the
 * preload's named methods); in the browser host it speaks the WebSocket bridge. Stores call this;
 * components call stores.
 */
import {
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  SECRET_FRAGMENT_KEY,
  SECRET_PROTOCOL_PREFIX,
  type BridgeServerMessage,
} from '@shared/api/bridge'
import type { Channel, EventName } from '@shared/api/channels'
import type { ChannelInput, ChannelOutput, EventPayload } from '@shared/api/contract'
import { err, type Result } from '@shared/api/result'

/** What the preload exposes as `window.helpdesk` (electron/preload/index.ts builds it). */
export type HelpdeskBridge = { readonly [C in Channel]: (input?: unknown) => Promise<Result<unknown>> } & {
  readonly on: (event: EventName, callback: (payload: unknown) => void) => () => void
}

declare global {
  interface Window {
    readonly helpdesk?: HelpdeskBridge
  }
}

type Listener = (payload: unknown) => void

export interface ApiClient {
  call<C extends Channel>(
    channel: C,
    ...input: undefined extends ChannelInput<C> ? [] | [ChannelInput<C>] : [ChannelInput<C>]
  ): Promise<Result<ChannelOutput<C>>>
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void
  /** 'connected' | 'connecting' | 'closed': the status bar shows it. */
  readonly transport: 'electron' | 'browser'
  /**
   * True when the browser host's per-launch secret is neither in the URL (`#k=…`) nor kept for this
   * tab: the page was not opened from the printed link, so it can never connect (the renderer says so).
   */
  readonly missingSecret: boolean
  onConnectionChange(callback: (state: ConnectionState) => void): () => void
}

export type ConnectionState = 'connecting' | 'connected' | 'closed'

const SECRET_STORAGE_KEY = 'passcode-desk.bridge-secret'

/**
 * Takes the per-launch secret out of the URL fragment (`#k=…`) before the hash router sees it,
 * keeps it for this tab only (reloads keep working), and clears it from the address bar.
 */
export function takeSecretFromLocation(
  location: Location,
  storage: Storage,
  history: History,
): string | null {
  const match = new RegExp(`[#&?]${SECRET_FRAGMENT_KEY}=([A-Za-z0-9_-]+)`).exec(location.hash)
  if (match?.[1]) {
    storage.setItem(SECRET_STORAGE_KEY, match[1])
    history.replaceState(null, '', `${location.pathname}${location.search}#/`)
    return match[1]
  }
  return storage.getItem(SECRET_STORAGE_KEY)
}

export function createElectronClient(bridge: HelpdeskBridge): ApiClient {
  return {
    transport: 'electron',
    missingSecret: false,
    async call(channel, ...args) {
      try {
        return (await bridge[channel](args[0])) as never
      } catch {
        return err('INTERNAL', 'The app could not reach its core process')
      }
    },
    on: (event, callback) => bridge.on(event, callback as Listener),
    onConnectionChange(callback) {
      callback('connected')
      return () => {}
    },
  }
}

export function createWebSocketClient(secret: string | null): ApiClient {
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<Listener>>()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  let nextId = 1
  let socket: WebSocket | null = null
  let state: ConnectionState = 'connecting'
  let opened: Promise<WebSocket> | null = null
  let retryDelay = 250

  const setState = (next: ConnectionState) => {
    state = next
    for (const cb of stateListeners) cb(next)
  }

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened
    opened = new Promise<WebSocket>((resolve, reject) => {
      if (!secret) {
        setState('closed')
        reject(new Error('missing secret'))
        return
      }
      const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`
      const ws = new WebSocket(url, [BRIDGE_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${secret}`])
      setState('connecting')
      ws.onopen = () => {
        socket = ws
        retryDelay = 250
        setState('connected')
        resolve(ws)
      }
      ws.onmessage = (message) => {
        let data: BridgeServerMessage
        try {
          data = JSON.parse(String(message.data)) as BridgeServerMessage
        } catch {
          return
        }
        if (data.t === 'result' && data.id !== null) {
          pending.get(data.id)?.(data.result)
          pending.delete(data.id)
        } else if (data.t === 'event') {
          for (const cb of listeners.get(data.event) ?? []) cb(data.payload)
        }
      }
      ws.onclose = () => {
        const wasOpen = socket === ws
        socket = null
        opened = null
        for (const [, resolvePending] of pending)
          resolvePending(err('OFFLINE', 'Connection to Passcode Desk core lost'))
        pending.clear()
        setState('closed')
        if (!wasOpen) reject(new Error('connection refused'))
        // The host may be restarting: try again, backing off.
        setTimeout(() => void connect().catch(() => {}), retryDelay)
        retryDelay = Math.min(retryDelay * 2, 5_000)
      }
    })
    return opened
  }

  void connect().catch(() => {})

  return {
    transport: 'browser',
    missingSecret: !secret,
    async call(channel, ...args) {
      let ws: WebSocket
      try {
        ws = socket ?? (await connect())
      } catch {
        return err('OFFLINE', 'Passcode Desk core is not reachable') as never
      }
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void)
        ws.send(JSON.stringify({ t: 'call', id, channel, input: args[0] }))
      })
    },
    on(event, callback) {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(callback as Listener)
      return () => set.delete(callback as Listener)
    },
    onConnectionChange(callback) {
      stateListeners.add(callback)
      callback(state)
      return () => stateListeners.delete(callback)
    },
  }
}

function createClient(): ApiClient {
  if (typeof window !== 'undefined' && window.helpdesk) return createElectronClient(window.helpdesk)
  const secret = takeSecretFromLocation(window.location, window.sessionStorage, window.history)
  return createWebSocketClient(secret)
}

export const api: ApiClient = createClient()

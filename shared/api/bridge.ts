import type { Result } from './result'

/**
 * Wire format of the browser host's WebSocket bridge (the Electron host uses IPC instead).
 * The per-launch secret travels as a WebSocket sub-protocol, never in a URL the server logs.
 */
export const BRIDGE_PROTOCOL = 'passcode-desk.v1'
export const SECRET_PROTOCOL_PREFIX = 'k.'
/** The fragment key the browser host puts the secret under: `http://127.0.0.1:PORT/#k=SECRET`. */
export const SECRET_FRAGMENT_KEY = 'k'
export const BRIDGE_PATH = '/bridge'

export interface BridgeCall {
  readonly t: 'call'
  readonly id: number
  readonly channel: string
  readonly input: unknown
}

export interface BridgeResult {
  readonly t: 'result'
  readonly id: number | null
  readonly result: Result<unknown>
}

export interface BridgeEvent {
  readonly t: 'event'
  readonly event: string
  readonly payload: unknown
}

export type BridgeServerMessage = BridgeResult | BridgeEvent

import { vi } from 'vitest'
import type { ConnectionState } from '@renderer/api/client'

/**
 * A stand-in for `@renderer/api/client` in store tests: calls are a mock per test, and the test
 * drives events and connection changes by hand.
 */
export function createFakeClient(
  options: { transport?: 'electron' | 'browser'; missingSecret?: boolean } = {},
) {
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>()
  const connectionListeners = new Set<(state: ConnectionState) => void>()
  let state: ConnectionState = 'connecting'
  return {
    transport: options.transport ?? 'browser',
    missingSecret: options.missingSecret ?? false,
    call: vi.fn<(channel: string, input?: unknown) => Promise<unknown>>(),
    on(event: string, callback: (payload: unknown) => void) {
      let set = eventListeners.get(event)
      if (!set) eventListeners.set(event, (set = new Set()))
      set.add(callback)
      return () => set.delete(callback)
    },
    onConnectionChange(callback: (state: ConnectionState) => void) {
      connectionListeners.add(callback)
      callback(state)
      return () => connectionListeners.delete(callback)
    },
    // Test controls
    emit(event: string, payload: unknown) {
      for (const callback of eventListeners.get(event) ?? []) callback(payload)
    },
    setState(next: ConnectionState) {
      state = next
      for (const callback of connectionListeners) callback(next)
    },
  }
}

export type FakeClient = ReturnType<typeof createFakeClient>

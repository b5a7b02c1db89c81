import { vi } from 'vitest'
import type { Result } from '@shared/api/result'

/**
 * A stand-in for `@renderer/api/client` in store tests: every call is recorded and answered only
 * when the test says so (so tests choose the order answers arrive in), and events can be emitted.
 */
export interface PendingCall {
  readonly channel: string
  readonly input: unknown
  resolve(result: Result<unknown>): void
}

export function createFakeApi() {
  const pending: PendingCall[] = []
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api = {
    transport: 'browser' as const,
    missingSecret: false,
    call: vi.fn(
      (channel: string, input?: unknown) =>
        new Promise<Result<unknown>>((resolve) => pending.push({ channel, input, resolve })),
    ),
    on: vi.fn((event: string, callback: (payload: unknown) => void) => {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(callback)
      return () => set.delete(callback)
    }),
    onConnectionChange: vi.fn(() => () => {}),
  }
  return {
    api,
    pending,
    /** Removes and returns the calls made to one channel so far, oldest first. */
    take(channel: string): PendingCall[] {
      const taken = pending.filter((call) => call.channel === channel)
      for (const call of taken) pending.splice(pending.indexOf(call), 1)
      return taken
    },
    emit(event: string, payload: unknown): void {
      for (const callback of listeners.get(event) ?? []) callback(payload)
    },
    listenerCount: (event: string) => listeners.get(event)?.size ?? 0,
    reset(): void {
      pending.length = 0
      listeners.clear()
      api.call.mockClear()
    },
  }
}

/** One instance shared by `vi.mock('@renderer/api/client', …)` and the test that drives it. */
export const fake = createFakeApi()

/**
 * Lets store code waiting on an answer run (a few microtask turns; no timers, so it also works
 * while a test fakes setTimeout).
 */
export async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

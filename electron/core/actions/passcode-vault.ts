/**
 * Temporary passcodes Intune returned for Android actions (domain §2.3), held in core's memory only.
 * Never written to SQLite, logs, events, notifications or exports (DESIGN §4): nothing
 * here is serialisable — the value sits in a closure and leaves only through `reveal()`.
 *
 * Life time: until 60 s after the agent reveals it, or `unrevealedMs` after it arrived if nobody ever
 * reveals it. After that core can re-read it live from Graph on request (Intune keeps showing it for
 * 7 days in its own portal, MD-2025a/b), still without persisting it.
 */
export interface PasscodeVault {
  /** Keeps a freshly received passcode (replaces any earlier one for the action). */
  hold(actionId: string, passcode: string): void
  has(actionId: string): boolean
  /** Held and on screen (its 60 s countdown has started). */
  isRevealed(actionId: string): boolean
  /** Returns it and starts (or keeps) the 60 s countdown; undefined when not held. */
  reveal(actionId: string): { passcode: string; expiresAt: number } | undefined
  forget(actionId: string): boolean
  clear(): void
}

export interface VaultOptions {
  readonly revealMs?: number
  readonly unrevealedMs?: number
  readonly now?: () => number
}

export const REVEAL_MS = 60_000

export function createPasscodeVault(options: VaultOptions = {}): PasscodeVault {
  const revealMs = options.revealMs ?? REVEAL_MS
  const unrevealedMs = options.unrevealedMs ?? 15 * 60_000
  const now = options.now ?? Date.now
  const entries = new Map<string, { passcode: string; expiresAt: number | null; timer: NodeJS.Timeout }>()

  const drop = (actionId: string) => {
    const entry = entries.get(actionId)
    if (!entry) return false
    clearTimeout(entry.timer)
    entries.delete(actionId)
    return true
  }
  const schedule = (actionId: string, ms: number) => {
    const timer = setTimeout(() => drop(actionId), ms)
    timer.unref?.()
    return timer
  }

  return {
    hold(actionId, passcode) {
      drop(actionId)
      entries.set(actionId, { passcode, expiresAt: null, timer: schedule(actionId, unrevealedMs) })
    },
    has: (actionId) => entries.has(actionId),
    isRevealed: (actionId) => (entries.get(actionId)?.expiresAt ?? null) !== null,
    reveal(actionId) {
      const entry = entries.get(actionId)
      if (!entry) return undefined
      if (entry.expiresAt === null) {
        // The countdown starts at the first reveal; revealing again does not extend it.
        clearTimeout(entry.timer)
        entry.expiresAt = now() + revealMs
        entry.timer = schedule(actionId, revealMs)
      }
      return { passcode: entry.passcode, expiresAt: entry.expiresAt }
    },
    forget: drop,
    clear() {
      for (const id of [...entries.keys()]) drop(id)
    },
  }
}

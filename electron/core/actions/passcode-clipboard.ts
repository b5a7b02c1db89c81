/**
 * The temporary passcode on the system clipboard, in the Electron host (DESIGN §4: shown once, never
 * kept). "Copier" puts it there through the host's clipboard (Electron's main-process `clipboard`:
 * the sandboxed renderer may not read the clipboard, its permission requests are denied); when the
 * passcode is hidden — by the agent, by the 60 s countdown, by leaving the walkthrough or closing
 * the app — the clipboard is emptied if it still holds that passcode, and left alone if the agent
 * has copied something else since. The value stays in this closure until then and is never logged.
 *
 * The browser host has no such capability: there the renderer uses `navigator.clipboard`
 * (renderer/src/stores/passcodeClipboard.ts).
 */

/**
 * What a host offers core (injected: core never imports electron, DESIGN §1). Asynchronous like
 * Electron's clipboard (readText/writeText return promises since Electron 45, modelled on
 * navigator.clipboard).
 */
export interface HostClipboard {
  readText(): Promise<string>
  writeText(text: string): Promise<void>
  clear(): void | Promise<void>
}

/** `cleared`: it held the passcode and is now empty; `changed`: something else was copied since. */
export type ClipboardOutcome = 'cleared' | 'changed' | 'notCopied'

export interface PasscodeClipboard {
  /** Copies and arms the clear at `expiresAt` (ms), in case nobody hides it first. */
  copy(actionId: string, passcode: string, expiresAt: number): Promise<void>
  /** Clears now if it still holds that action's passcode, and tells what happened (or what the countdown did). */
  release(actionId: string): Promise<ClipboardOutcome>
  /** App shutdown: clear every passcode still on the clipboard. */
  releaseAll(): Promise<void>
}

/** How long the outcome of an automatic clear stays readable by the renderer's own hide call. */
const OUTCOME_KEPT_MS = 5 * 60_000

export function createPasscodeClipboard(
  clipboard: HostClipboard,
  options: { now?: () => number; onError?: (error: unknown) => void } = {},
): PasscodeClipboard {
  const now = options.now ?? Date.now
  const held = new Map<string, { passcode: string; timer: NodeJS.Timeout }>()
  const outcomes = new Map<string, { outcome: ClipboardOutcome; timer: NodeJS.Timeout }>()

  const keepOutcome = (actionId: string, outcome: ClipboardOutcome) => {
    clearTimeout(outcomes.get(actionId)?.timer)
    const timer = setTimeout(() => outcomes.delete(actionId), OUTCOME_KEPT_MS)
    timer.unref?.()
    outcomes.set(actionId, { outcome, timer })
  }

  const clearNow = async (actionId: string, keep: boolean): Promise<ClipboardOutcome> => {
    const entry = held.get(actionId)
    if (!entry) return 'notCopied'
    clearTimeout(entry.timer)
    held.delete(actionId)
    let outcome: ClipboardOutcome = 'changed'
    try {
      let stillThere = true
      try {
        stillThere = (await clipboard.readText()) === entry.passcode
      } catch (error) {
        // Cannot tell what it holds: a secret left behind is worse than a lost copy, so clear.
        options.onError?.(error)
      }
      if (stillThere) {
        await clipboard.clear()
        outcome = 'cleared'
      }
    } catch (error) {
      options.onError?.(error)
    }
    if (keep) keepOutcome(actionId, outcome)
    return outcome
  }

  return {
    async copy(actionId, passcode, expiresAt) {
      clearTimeout(held.get(actionId)?.timer)
      await clipboard.writeText(passcode)
      const timer = setTimeout(() => void clearNow(actionId, true), Math.max(0, expiresAt - now()))
      timer.unref?.()
      held.set(actionId, { passcode, timer })
      clearTimeout(outcomes.get(actionId)?.timer)
      outcomes.delete(actionId)
    },
    async release(actionId) {
      if (held.has(actionId)) return clearNow(actionId, false)
      // The countdown cleared it already: tell the renderer's hide once, then forget.
      const kept = outcomes.get(actionId)
      clearTimeout(kept?.timer)
      outcomes.delete(actionId)
      return kept?.outcome ?? 'notCopied'
    },
    async releaseAll() {
      await Promise.all([...held.keys()].map((id) => clearNow(id, false)))
      for (const { timer } of outcomes.values()) clearTimeout(timer)
      outcomes.clear()
    },
  }
}

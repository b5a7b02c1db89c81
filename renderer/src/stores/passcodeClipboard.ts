import { defineStore } from 'pinia'
import { readonly, ref } from 'vue'
import { api } from '@renderer/api/client'
import type { ClipboardOutcome } from '@shared/api/schemas/actions'

/**
 * What the agent is told about the clipboard (DESIGN §4: the temporary passcode is shown once and
 * never kept — a copy left on the clipboard would outlive the 60 s on screen):
 * - `copied`: on the clipboard, to be emptied when the passcode is hidden;
 * - `cleared`: it still held the passcode and is now empty;
 * - `clearedUnchecked`: the browser would not let us read it, so it was emptied without checking;
 * - `changed`: something else was copied since: left alone;
 * - `pendingFocus`: the window is in the background (the browser refuses clipboard access then):
 *   it is emptied as soon as the agent comes back;
 * - `failed` / `copyFailed`: the browser refused; the agent is told what to do.
 */
export type ClipboardNotice =
  'copied' | 'cleared' | 'clearedUnchecked' | 'changed' | 'pendingFocus' | 'failed' | 'copyFailed'

/**
 * The passcode's copy-and-clear. Electron host: core copies with the main-process clipboard and
 * clears it (`actions:copyPasscode`, `actions:hidePasscode` → outcome); the value never crosses
 * back. Browser host: `navigator.clipboard`, where reading needs the `clipboard-read` permission —
 * never asked for here (a prompt popping up as the passcode hides would be a surprise): granted →
 * compare and clear only our own passcode; otherwise → empty it unchecked and say so.
 * The passcode is held in this closure only until it is cleared; never stored, logged or sent.
 */
export const usePasscodeClipboardStore = defineStore('passcodeClipboard', () => {
  const notice = ref<ClipboardNotice | null>(null)
  let held: { actionId: string; passcode: string } | null = null
  let waitForFocus: (() => void) | null = null

  function stopWaiting(): void {
    if (waitForFocus) window.removeEventListener('focus', waitForFocus)
    waitForFocus = null
  }

  async function copy(actionId: string, passcode: string): Promise<boolean> {
    stopWaiting()
    if (api.transport === 'electron') {
      const result = await api.call('actions:copyPasscode', { actionId })
      if (!result.ok) {
        notice.value = 'copyFailed'
        return false
      }
    } else {
      try {
        await navigator.clipboard.writeText(passcode)
      } catch {
        notice.value = 'copyFailed'
        return false
      }
    }
    held = { actionId, passcode }
    notice.value = 'copied'
    return true
  }

  async function canRead(): Promise<boolean> {
    try {
      const status = await navigator.permissions?.query({ name: 'clipboard-read' as PermissionName })
      return status?.state === 'granted' && typeof navigator.clipboard?.readText === 'function'
    } catch {
      // Firefox and Safari do not know this permission name.
      return false
    }
  }

  async function clearInBrowser(passcode: string): Promise<void> {
    if (typeof document !== 'undefined' && !document.hasFocus()) {
      notice.value = 'pendingFocus'
      stopWaiting()
      waitForFocus = () => {
        stopWaiting()
        void clearInBrowser(passcode)
      }
      window.addEventListener('focus', waitForFocus)
      return
    }
    let checked = await canRead()
    if (checked) {
      try {
        if ((await navigator.clipboard.readText()) !== passcode) {
          notice.value = 'changed'
          return
        }
      } catch {
        checked = false
      }
    }
    try {
      await navigator.clipboard.writeText('')
      notice.value = checked ? 'cleared' : 'clearedUnchecked'
    } catch {
      // Focus lost between the check and the write: try again when the agent is back.
      if (typeof document !== 'undefined' && !document.hasFocus()) return clearInBrowser(passcode)
      notice.value = 'failed'
    }
  }

  /**
   * The passcode was hidden (by the agent, the countdown, leaving or finishing). `coreOutcome` is
   * what `actions:hidePasscode` answered (Electron host).
   */
  async function release(actionId: string, coreOutcome?: ClipboardOutcome): Promise<void> {
    if (!held || held.actionId !== actionId) return
    const { passcode } = held
    held = null
    if (api.transport === 'electron') {
      notice.value = coreOutcome === 'cleared' ? 'cleared' : coreOutcome === 'changed' ? 'changed' : null
      return
    }
    await clearInBrowser(passcode)
  }

  /** A new walkthrough: the last one's notice no longer applies (a pending clear still runs). */
  function dismiss(): void {
    if (notice.value !== 'pendingFocus') notice.value = null
  }

  return { notice: readonly(notice), copy, release, dismiss }
})

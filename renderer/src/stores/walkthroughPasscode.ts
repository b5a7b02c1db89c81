import { defineStore } from 'pinia'
import { readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { AppError } from '@shared/errors'
import { useAuthStore } from './auth'
import { usePasscodeClipboardStore } from './passcodeClipboard'

/** The renderer hides the passcode at the same moment core forgets it (DESIGN §4: 60 s). */
const FALLBACK_REVEAL_MS = 60_000

/**
 * The temporary passcode of the walkthrough's action while it is on screen (DESIGN §4: shown once
 * on request, never stored): revealed through `actions:revealPasscode`, hidden on screen, in core
 * and on the clipboard at the same moment.
 */
export const useWalkthroughPasscodeStore = defineStore('walkthroughPasscode', () => {
  const auth = useAuthStore()
  const clipboard = usePasscodeClipboardStore()
  const passcode = ref<string | null>(null)
  const expiresAt = ref<number | null>(null)
  const error = shallowRef<AppError | null>(null)
  let hideTimer: ReturnType<typeof setTimeout> | null = null
  /** The action whose passcode is shown, for the timer's hide. */
  let shownFor: string | null = null

  function clear(): void {
    if (hideTimer) clearTimeout(hideTimer)
    hideTimer = null
    passcode.value = null
    expiresAt.value = null
  }

  /** Forgets everything, the clipboard notice included (a new walkthrough). */
  function reset(): void {
    clear()
    error.value = null
    shownFor = null
    clipboard.dismiss()
  }

  async function reveal(actionId: string): Promise<void> {
    error.value = null
    const result = await auth.withSignIn(() => api.call('actions:revealPasscode', { actionId }))
    if (!result.ok) {
      error.value = result.error
      return
    }
    clear()
    shownFor = actionId
    passcode.value = result.value.passcode
    const expires = Date.parse(result.value.expiresAt)
    expiresAt.value = Number.isFinite(expires) ? expires : Date.now() + FALLBACK_REVEAL_MS
    // Hidden at the moment core forgets it, through the same path as "Masquer" (clipboard included).
    hideTimer = setTimeout(() => void hide(actionId), Math.max(0, expiresAt.value - Date.now()))
  }

  async function copy(actionId: string): Promise<boolean> {
    if (!passcode.value || shownFor !== actionId) return false
    return clipboard.copy(actionId, passcode.value)
  }

  /** Hides it on screen, in core, and on the clipboard if it is still there (DESIGN §4). */
  async function hide(actionId: string | null): Promise<void> {
    clear()
    if (!actionId) return
    const result = await api.call('actions:hidePasscode', { actionId })
    await clipboard.release(actionId, result.ok ? result.value.clipboard : undefined)
  }

  return {
    passcode: readonly(passcode),
    expiresAt: readonly(expiresAt),
    error,
    reset,
    reveal,
    copy,
    hide,
  }
})

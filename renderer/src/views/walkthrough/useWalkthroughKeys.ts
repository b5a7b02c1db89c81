import { storeToRefs } from 'pinia'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useWalkthroughStore } from '@renderer/stores/walkthrough'

/**
 * The walkthrough from the keyboard (DESIGN §1): Enter moves on when the step is complete (from a
 * field or a checkbox; Space ticks), Escape goes back before the action is sent and, on step 1,
 * asks before throwing away what was typed (`requestLeave`). The irreversible send is never on a
 * plain Enter: only a press of its button, or Ctrl/⌘+Enter, said under it (`sendShortcut`).
 */
export function useWalkthroughKeys(primary: () => void, requestLeave: () => void) {
  const store = useWalkthroughStore()
  const { step, sent, canGoBack } = storeToRefs(store)
  const { t } = useI18n()

  /** ⌘ on a Mac keyboard, Ctrl elsewhere (the shortcut is said on screen, so say the right key). */
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)
  const sendShortcut = computed(() => t(`walkthroughKeys.shortcut.${isMac ? 'mac' : 'ctrl'}`))

  function onKeydown(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.isComposing) return
    const target = event.target as HTMLElement | null
    if (event.key === 'Escape') {
      if (target?.closest('.n-base-selection, .n-date-panel, [role="dialog"]')) return
      event.preventDefault()
      // Handled here: the discard dialog's own Esc handler (on document) must not see this same key
      // press, or it would close the dialog it just opened.
      event.stopPropagation()
      if (canGoBack.value) store.back()
      else if (!sent.value) requestLeave()
      return
    }
    if (event.key !== 'Enter' || event.shiftKey || event.altKey) return
    // Ctrl/⌘+Enter: the deliberate shortcut for the step's primary button, the send included.
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault()
      primary()
      return
    }
    // A plain Enter never sends the irreversible action (a ticket reference typed and Enter pressed
    // out of habit in a ticketing tool must not reset a passcode).
    if (step.value === 'confirm') return
    // Buttons, links, radios and multi-line fields keep their own Enter; a checkbox moves on like a field.
    if (target?.closest('button, a, textarea, [role="radio"], [role="button"]')) return
    event.preventDefault()
    primary()
  }

  /** Naive's checkbox also toggles on Enter (key up); here Enter moves on and only Space ticks. */
  function onKeyupCapture(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null
    if (event.key === 'Enter' && target?.closest('[role="checkbox"]')) event.stopPropagation()
  }

  return { onKeydown, onKeyupCapture, sendShortcut }
}

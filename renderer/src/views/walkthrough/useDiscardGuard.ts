import { useDialog } from 'naive-ui'
import { storeToRefs } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useWalkthroughStore } from '@renderer/stores/walkthrough'

/**
 * Leaving the walkthrough before anything was sent (Esc on step 1, Cancel) throws away what the
 * agent typed with the caller on the line: ask first, in a dialog that works from the keyboard (its
 * first button, "Keep editing", takes the focus; Esc closes it and keeps everything).
 * Nothing typed yet — a caller name pre-filled from the search counts as not typed — leaves at once.
 */
export function useDiscardGuard(leave: () => void) {
  const store = useWalkthroughStore()
  const { detail, callerName, checks, deviceConfirmed, preconditions, scriptRead, ticket } =
    storeToRefs(store)
  const dialog = useDialog()
  const { t } = useI18n()

  /** The caller name as the walkthrough opened with it (pre-filled or empty). */
  const initialCaller = ref('')
  watch(
    detail,
    (value, old) => {
      if (value && !old) initialCaller.value = callerName.value.trim()
    },
    { immediate: true },
  )

  const hasInput = computed(
    () =>
      callerName.value.trim() !== initialCaller.value ||
      checks.value.length > 0 ||
      Object.values(deviceConfirmed.value).some(Boolean) ||
      preconditions.value.length > 0 ||
      scriptRead.value ||
      ticket.value.trim() !== '',
  )
  let open = false

  function requestLeave(): void {
    if (!hasInput.value) return leave()
    if (open) return
    open = true
    dialog.warning({
      title: t('walkthroughKeys.discard.title'),
      content: t('walkthroughKeys.discard.body'),
      negativeText: t('walkthroughKeys.discard.keep'),
      positiveText: t('walkthroughKeys.discard.confirm'),
      // No close cross: the first focusable control is "Keep editing", the safe answer.
      closable: false,
      autoFocus: true,
      closeOnEsc: true,
      maskClosable: true,
      onPositiveClick: () => {
        store.reset()
        leave()
      },
      onAfterLeave: () => {
        open = false
      },
    })
  }

  return { hasInput, requestLeave }
}

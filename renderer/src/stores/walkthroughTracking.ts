import { defineStore } from 'pinia'
import { computed, onScopeDispose, readonly, ref, watch } from 'vue'
import { actionAdvice, WAITING_STATES, type ActionAdvice } from '@shared/pending-advice'
import { useWalkthroughStore } from './walkthrough'

/**
 * How often the device is read again from Intune while its action is pending: one GET every two
 * minutes per agent is far inside the devices service's budget (domain §2.7) and shows a check-in
 * soon after it happens.
 */
export const REREAD_MS = 2 * 60_000

/**
 * While the walkthrough's action is pending, the device is re-read through the same `devices:refresh`
 * as the Refresh button, and the facts go to `shared/pending-advice`: did the device check in since
 * the send, what the caller does next, when to escalate and to whom.
 */
export const useWalkthroughTrackingStore = defineStore('walkthroughTracking', () => {
  const walkthrough = useWalkthroughStore()
  /** When the device was last read from Intune for this action (ISO), null = not yet. */
  const readAt = ref<string | null>(null)
  const reading = ref(false)
  const readFailed = ref(false)
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null

  const action = computed(() => walkthrough.action)
  const waiting = computed(
    () =>
      walkthrough.step === 'status' && action.value !== null && WAITING_STATES.includes(action.value.state),
  )

  async function reread(): Promise<void> {
    if (reading.value || !action.value) return
    const forAction = action.value.id
    reading.value = true
    const ok = await walkthrough.refreshDevice()
    reading.value = false
    if (action.value?.id !== forAction) return
    readFailed.value = !ok
    now.value = Date.now()
    if (ok) readAt.value = new Date(now.value).toISOString()
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  // Re-read at once when the status step starts waiting, then every REREAD_MS until Intune answers.
  watch(
    waiting,
    (on) => {
      stop()
      if (!on) return
      void reread()
      timer = setInterval(() => void reread(), REREAD_MS)
    },
    { immediate: true },
  )
  // A new action (or none): what was read for the previous one says nothing about it.
  watch(
    () => action.value?.id,
    () => {
      readAt.value = null
      readFailed.value = false
    },
  )
  onScopeDispose(stop)

  const advice = computed<ActionAdvice | null>(() => {
    const a = action.value
    if (!a) return null
    return actionAdvice({
      state: a.state,
      action: a.action,
      sentAt: a.sentAt,
      lastCheckIn: walkthrough.detail?.management.lastSyncDateTime ?? null,
      deviceReadAt: readAt.value,
      // Re-evaluated at each re-read and each state change pushed by core (no clock of its own).
      now: Math.max(now.value, Date.parse(a.updatedAt) || 0),
    })
  })

  return {
    readAt: readonly(readAt),
    reading: readonly(reading),
    readFailed: readonly(readFailed),
    advice,
    reread,
  }
})

import { defineStore } from 'pinia'
import { computed, readonly, ref } from 'vue'
import { api, type ConnectionState } from '@renderer/api/client'

/**
 * The link between this window and core: bridge state (status bar), whether it ever worked (a page
 * that never connected was not opened from the printed link), and the browser's own online flag.
 */
export const useConnectionStore = defineStore('connection', () => {
  const state = ref<ConnectionState>('connecting')
  const everConnected = ref(false)
  const online = ref(typeof navigator === 'undefined' ? true : navigator.onLine)

  api.onConnectionChange((next) => {
    state.value = next
    if (next === 'connected') everConnected.value = true
  })

  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => (online.value = true))
    window.addEventListener('offline', () => (online.value = false))
  }

  /**
   * Browser host only: without the launch secret (or with one from an earlier launch, refused before
   * the first connection) nothing can work, so the app explains how to open it instead of a blank frame.
   */
  const needsLaunchLink = computed(
    () =>
      api.transport === 'browser' &&
      (api.missingSecret || (!everConnected.value && state.value === 'closed')),
  )
  /** Connected once, then lost: the client retries on its own; the UI says so. */
  const lost = computed(() => everConnected.value && state.value !== 'connected')

  return {
    state: readonly(state),
    online: readonly(online),
    transport: api.transport,
    needsLaunchLink,
    lost,
  }
})

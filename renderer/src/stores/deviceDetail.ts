import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import type { AppError } from '@shared/errors'
import { useAuthStore } from './auth'
import { useDeviceSearchStore } from './deviceSearch'

export type RefreshOutcome = 'updated' | 'gone' | 'outOfScope' | 'failed'

/**
 * One device from the cache (DESIGN §1, domain §2.1) and its live "Refresh from Intune". Answers
 * for a device the agent has already left are dropped (sequence number per load).
 */
export const useDeviceDetailStore = defineStore('deviceDetail', () => {
  const search = useDeviceSearchStore()
  const auth = useAuthStore()

  const deviceId = ref<string | null>(null)
  const detail = shallowRef<DeviceDetail | null>(null)
  const loading = ref(false)
  /** Loading the cached record failed (NOT_FOUND when the device is not in the cache). */
  const error = shallowRef<AppError | null>(null)
  const refreshing = ref(false)
  /** The last "Refresh from Intune" failed; the cached record stays on screen. */
  const refreshError = shallowRef<AppError | null>(null)
  let seq = 0

  async function load(id: string): Promise<void> {
    const mine = ++seq
    deviceId.value = id
    if (detail.value?.id !== id) detail.value = null
    loading.value = true
    error.value = null
    refreshError.value = null
    refreshing.value = false
    const result = await api.call('devices:get', { id })
    if (mine !== seq) return
    loading.value = false
    if (result.ok) detail.value = result.value
    else error.value = result.error
  }

  /**
   * Re-reads the device live from Graph. 'gone' when Intune no longer has it (core removed the
   * row, GRAPH_NOT_FOUND): the view says so and returns to the results.
   */
  async function refresh(): Promise<RefreshOutcome> {
    const id = deviceId.value
    if (!id || refreshing.value) return 'failed'
    const mine = seq
    refreshing.value = true
    refreshError.value = null
    // A Graph call: on an expired session it waits for the agent to sign in again, then runs.
    const result = await auth.withSignIn(() => api.call('devices:refresh', { id }))
    if (mine !== seq) return 'failed'
    refreshing.value = false
    if (result.ok) {
      detail.value = result.value
      search.applyDetail(result.value)
      return 'updated'
    }
    refreshError.value = result.error
    if (result.error.code === 'GRAPH_NOT_FOUND') {
      search.forget()
      return 'gone'
    }
    if (result.error.code === 'GRAPH_OUT_OF_SCOPE') {
      // Not gone (domain §9): core kept the row and marked it; show the mark and badge it in the results.
      const marked = await api.call('devices:get', { id })
      if (mine === seq && marked.ok) {
        detail.value = marked.value
        search.applyDetail(marked.value)
      }
      return 'outOfScope'
    }
    return 'failed'
  }

  return {
    deviceId: readonly(deviceId),
    detail: computed(() => detail.value),
    loading: readonly(loading),
    error: readonly(error),
    refreshing: readonly(refreshing),
    refreshError: readonly(refreshError),
    load,
    refresh,
  }
})

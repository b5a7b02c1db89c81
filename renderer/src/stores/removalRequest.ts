import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { RemovalRequest } from '@shared/api/schemas/history'
import type { AppError } from '@shared/errors'

/**
 * Who asked for the wipe (or retire, delete) pending on a device, and when, read live from Intune's
 * remote action audits (core `history:removalRequest`, domain §3.2). Online only: offline the device
 * page still warns from the cached managementState, without the name.
 */
export const useRemovalRequestStore = defineStore('removalRequest', () => {
  const deviceId = ref<string | null>(null)
  const request = shallowRef<RemovalRequest['request']>(null)
  const loading = ref(false)
  const error = shallowRef<AppError | null>(null)

  async function load(id: string): Promise<void> {
    deviceId.value = id
    request.value = null
    error.value = null
    loading.value = true
    const result = await api.call('history:removalRequest', { deviceId: id })
    // The agent may have opened another device meanwhile.
    if (deviceId.value !== id) return
    loading.value = false
    if (result.ok) request.value = result.value.request
    else error.value = result.error
  }

  return { deviceId, request, loading, error, load }
})

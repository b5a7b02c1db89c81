import { defineStore } from 'pinia'
import { readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { AppInfo } from '@shared/api/schemas/app'
import type { AppError } from '@shared/errors'

/** `app:info`: what this installation is and where it runs (Settings → About, status bar). */
export const useAppInfoStore = defineStore('appInfo', () => {
  const info = shallowRef<AppInfo | null>(null)
  const error = shallowRef<AppError | null>(null)
  const loading = ref(false)
  let inFlight: Promise<void> | null = null

  function load(): Promise<void> {
    inFlight ??= (async () => {
      loading.value = true
      try {
        const result = await api.call('app:info')
        if (result.ok) {
          info.value = result.value
          error.value = null
        } else {
          error.value = result.error
        }
      } finally {
        loading.value = false
        inFlight = null
      }
    })()
    return inFlight
  }

  /** Loads once; later callers reuse what is there. */
  async function ensureLoaded(): Promise<void> {
    if (!info.value) await load()
  }

  return { info: readonly(info), error: readonly(error), loading: readonly(loading), load, ensureLoaded }
})

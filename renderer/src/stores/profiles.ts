import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { ConnectionTestResult, ProfileDraft, ProfileList } from '@shared/api/schemas/profiles'
import type { AppError } from '@shared/errors'
import { useAuthStore } from './auth'

/**
 * Tenant profiles (DESIGN §1 "a real tenant is one settings profile away", domain §5): the built-in Demo profile plus the agent's own tenants, one active.
 * Core validates (GUIDs, unique names) and answers PROFILE_INVALID with the field and reason,
 * which the form shows beside the input.
 */
export const useProfilesStore = defineStore('profiles', () => {
  const list = shallowRef<ProfileList | null>(null)
  const error = shallowRef<AppError | null>(null)
  const switching = ref(false)

  async function load(): Promise<void> {
    const result = await api.call('profiles:list')
    if (result.ok) {
      list.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  async function save(id: string | undefined, draft: ProfileDraft): Promise<AppError | null> {
    const result = await api.call('profiles:save', id ? { id, draft } : { draft })
    if (!result.ok) return result.error
    list.value = result.value
    return null
  }

  async function remove(id: string): Promise<AppError | null> {
    const result = await api.call('profiles:remove', { id })
    if (!result.ok) return result.error
    list.value = result.value
    void useAuthStore().load()
    return null
  }

  async function activate(id: string): Promise<AppError | null> {
    switching.value = true
    try {
      const result = await api.call('profiles:activate', { id })
      if (!result.ok) return result.error
      list.value = result.value
      await useAuthStore().load()
      return null
    } finally {
      switching.value = false
    }
  }

  async function test(
    input: { id: string } | { draft: ProfileDraft },
  ): Promise<ConnectionTestResult | AppError> {
    const result = await api.call('profiles:test', input)
    return result.ok ? result.value : result.error
  }

  api.on('profiles:changed', (next) => {
    list.value = next
  })
  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })

  return {
    list: readonly(list),
    profiles: computed(() => list.value?.profiles ?? []),
    active: computed(() => list.value?.profiles.find((p) => p.active) ?? null),
    error: readonly(error),
    switching: readonly(switching),
    load,
    save,
    remove,
    activate,
    test,
  }
})

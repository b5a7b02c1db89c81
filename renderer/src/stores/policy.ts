import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import { EMPTY_POLICY, type ManagedPolicy, type PolicyKey } from '@shared/api/schemas/policy'
import type { AppError } from '@shared/errors'

/**
 * What the organisation manages (`policy:get`, read by core at start from the registry or the
 * managed preferences — DESIGN §3). Settings shows those fields read-only ("set by your
 * organisation") and lists the values that were ignored because they were malformed.
 */
export const usePolicyStore = defineStore('policy', () => {
  const policy = shallowRef<ManagedPolicy>(EMPTY_POLICY)
  const loaded = ref(false)
  const error = shallowRef<AppError | null>(null)

  async function load(): Promise<void> {
    const result = await api.call('policy:get')
    if (!result.ok) {
      error.value = result.error
      return
    }
    policy.value = result.value
    loaded.value = true
    error.value = null
  }

  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })

  const isManaged = (key: PolicyKey) => policy.value.values[key] !== undefined
  return {
    values: computed(() => policy.value.values),
    sources: computed(() => policy.value.sources),
    problems: computed(() => policy.value.problems),
    managedKeys: computed(() => Object.keys(policy.value.values) as PolicyKey[]),
    loaded: readonly(loaded),
    error: readonly(error),
    isManaged,
    load,
  }
})

import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { ReadinessRange, ReadinessSummary } from '@shared/api/schemas/readiness'
import type { AppError } from '@shared/errors'
import { useSyncStore } from './sync'

/**
 * Fleet readiness (DESIGN §1): the figures of `readiness:summary`, computed in core from the local
 * cache and history, so they are there offline. Asked again when the range changes, after a sync
 * replaced the cache, and when an action changes state while the view is open.
 */
export const useReadinessStore = defineStore('readiness', () => {
  const sync = useSyncStore()
  const range = ref<ReadinessRange>(90)
  const summary = shallowRef<ReadinessSummary | null>(null)
  const loading = ref(false)
  const error = shallowRef<AppError | null>(null)
  let sequence = 0
  let watching = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    // Days and months start at the agent's midnight (core/readiness/buckets.ts).
    const utcOffsetMinutes = -new Date().getTimezoneOffset()
    const result = await api.call('readiness:summary', { rangeDays: range.value, utcOffsetMinutes })
    if (mine !== sequence) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    summary.value = result.value
  }

  function setRange(next: ReadinessRange): void {
    if (next === range.value) return
    range.value = next
    void load()
  }

  /** The view is on screen: load, and follow syncs and actions until `close`. */
  function open(): void {
    watching++
    void load()
  }
  function close(): void {
    watching = Math.max(0, watching - 1)
  }

  watch(
    () => sync.completedRuns,
    () => {
      if (watching > 0) void load()
    },
  )
  api.on('actions:changed', () => {
    if (watching > 0) void load()
  })

  return {
    range: readonly(range),
    /** Replaced whole on each answer, never changed in place. */
    summary: computed(() => summary.value),
    loading: readonly(loading),
    error: readonly(error),
    load,
    setRange,
    open,
    close,
  }
})

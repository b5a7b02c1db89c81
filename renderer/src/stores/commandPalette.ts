import { defineStore } from 'pinia'
import { readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { DeviceRow } from '@shared/api/schemas/devices'
import type { AppError } from '@shared/errors'

/** Devices shown in the palette: enough to pick the caller's, few enough to read at a glance. */
const DEVICE_LIMIT = 6
/** One letter matches a tenth of the fleet: the palette searches from two. */
const MIN_QUERY = 2

/**
 * The command palette (Ctrl+K / ⌘K): open or not, what the agent typed, and the devices core found
 * for it through the same `devices:search` channel as the Devices view (DESIGN §1: one door).
 * Its own small answer, so the Devices view's query, filters and scroll are left as they were.
 */
export const useCommandPaletteStore = defineStore('commandPalette', () => {
  const open = ref(false)
  const query = ref('')
  const rows = shallowRef<readonly DeviceRow[]>([])
  const searching = ref(false)
  const error = shallowRef<AppError | null>(null)
  // An answer for "hé" never replaces the answer for "hélène" (the agent types faster than that).
  let sequence = 0

  async function search(): Promise<void> {
    const mine = ++sequence
    const text = query.value.trim()
    if (text.length < MIN_QUERY) {
      rows.value = []
      searching.value = false
      error.value = null
      return
    }
    searching.value = true
    const result = await api.call('devices:search', { query: text, limit: DEVICE_LIMIT })
    if (mine !== sequence) return
    searching.value = false
    if (!result.ok) {
      error.value = result.error
      rows.value = []
      return
    }
    error.value = null
    rows.value = result.value.rows
  }

  function setQuery(value: string): void {
    if (value === query.value) return
    query.value = value
    void search()
  }

  /** Opens empty: the palette starts from its commands, never from the last search. */
  function show(): void {
    query.value = ''
    rows.value = []
    error.value = null
    sequence++
    searching.value = false
    open.value = true
  }

  function hide(): void {
    open.value = false
  }

  return {
    open: readonly(open),
    query: readonly(query),
    rows,
    searching: readonly(searching),
    error,
    setQuery,
    show,
    hide,
  }
})

import { defineStore } from 'pinia'
import { readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { Person } from '@shared/api/schemas/person'
import { useDeviceSearchStore } from './deviceSearch'

/**
 * The person a device search names (DESIGN intro: the agent finds the *caller's* device): asked of
 * core each time a new result set arrives, so the card and the results always describe the same
 * text. An answer for text the agent has since changed is dropped (sequence per lookup).
 */
export const usePersonCardStore = defineStore('personCard', () => {
  const search = useDeviceSearchStore()

  const people = shallowRef<readonly Person[]>([])
  /** The text the people on screen were found with. */
  const query = ref('')
  let seq = 0

  async function lookup(text: string): Promise<void> {
    const mine = ++seq
    if (text.trim() === '') {
      people.value = []
      query.value = ''
      return
    }
    const result = await api.call('devices:person', { query: text })
    if (mine !== seq) return
    // A failed lookup shows no card; the search's own error already tells the agent what went wrong.
    people.value = result.ok ? result.value.people : []
    query.value = text
  }

  // A new result set (new text, filters, or a sync's new snapshot): the card follows it.
  watch(
    () => search.resultsId,
    () => void lookup(search.query),
    { immediate: search.total !== null },
  )

  return { people, query: readonly(query), lookup }
})

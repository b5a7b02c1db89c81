import { defineStore } from 'pinia'
import { readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { Person } from '@shared/api/schemas/person'
import { useDeviceSearchStore } from './deviceSearch'

/**
 * How long a new result set stays on screen before the card is looked up for it. While the agent
 * types, each key's search answer would otherwise be followed by a lookup for text about to change:
 * core answers one call at a time, so that lookup delayed the next key's search, and its answer
 * made the page work between two keys (DESIGN §5, keystroke to answer). A pause this long (brisk
 * typing is a key every ~200 ms) is the agent reading the results: the card follows then.
 */
export const PERSON_LOOKUP_DELAY_MS = 150

/**
 * The person a device search names (DESIGN intro: the agent finds the *caller's* device): asked of
 * core once a new result set has stayed on screen PERSON_LOOKUP_DELAY_MS, so the card and the
 * results always describe the same text (the view shows the card only for the text in the box). An
 * answer for text the agent has since changed is dropped (sequence per lookup).
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

  let timer: ReturnType<typeof setTimeout> | null = null
  function lookupSoon(): void {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      // Newer text is on its way: its own result set will ask.
      if (!search.searching) void lookup(search.query)
    }, PERSON_LOOKUP_DELAY_MS)
  }

  // A new result set (new text, filters, or a sync's new snapshot): the card follows it.
  watch(() => search.resultsId, lookupSoon, { immediate: search.total !== null })

  return { people, query: readonly(query), lookup }
})

import { defineStore } from 'pinia'
import { readonly, ref } from 'vue'
import type { DeepLinkRejection } from '@shared/deep-link'

/**
 * A refused deep link (DESIGN §3 "deep links"): the reason only, shown until the agent closes it
 * or another link arrives. The link's own text is never kept — it came from an untrusted page.
 */
export const useDeepLinkNoticeStore = defineStore('deepLinkNotice', () => {
  const refused = ref<DeepLinkRejection | null>(null)
  /** Bumped on every refusal, so the same reason twice in a row is announced again. */
  const count = ref(0)

  function show(reason: DeepLinkRejection): void {
    refused.value = reason
    count.value++
  }
  function dismiss(): void {
    refused.value = null
  }
  return { refused: readonly(refused), count: readonly(count), show, dismiss }
})

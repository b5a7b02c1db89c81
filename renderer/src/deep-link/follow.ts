import type { Router } from 'vue-router'
import { api } from '@renderer/api/client'
import { useDeviceSearchStore } from '@renderer/stores/deviceSearch'
import { useWalkthroughStore } from '@renderer/stores/walkthrough'
import type { DeepLink } from '@shared/deep-link'

/**
 * Where a deep link leads (DESIGN §3 "deep links"): the device when the link names one device
 * (its Intune id, or a serial/UPN/IMEI with exactly one match in the cache), otherwise the device
 * search with that query. The ticket and caller wait in the walkthrough store for when the agent
 * opens the walkthrough. Nothing else: a link never issues, confirms or changes a setting.
 */
export async function followDeepLink(link: DeepLink, router: Router): Promise<void> {
  const walkthrough = useWalkthroughStore()
  if (link.ticket !== undefined || link.caller !== undefined)
    walkthrough.prefill({ ticket: link.ticket, caller: link.caller })
  if (link.by === 'id') {
    await router.push({ name: 'device', params: { id: link.value } })
    return
  }
  const result = await api.call('devices:search', { query: link.value, limit: 2 })
  const only = result.ok && result.value.total === 1 ? result.value.rows[0] : undefined
  if (only) {
    await router.push({ name: 'device', params: { id: only.id } })
    return
  }
  useDeviceSearchStore().setQuery(link.value)
  await router.push({ name: 'devices' })
}

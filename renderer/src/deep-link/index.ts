import type { Router } from 'vue-router'
import { api } from '@renderer/api/client'
import { useDeepLinkNoticeStore } from '@renderer/stores/deepLinkNotice'
import type { DeepLinkResult } from '@shared/deep-link'
import { captureFragmentLink } from './capture'
import { followDeepLink } from './follow'

/**
 * Receives deep links. Electron: core holds the link the OS handed over; the renderer takes it at
 * start and whenever `links:opened` says another arrived. Browser host: the same link as the URL
 * fragment, parsed with the same strict parser (capture.ts). A refused link is said on screen, by
 * reason (DeepLinkNotice.vue), and goes nowhere; a followed one clears an earlier notice.
 */
export function installDeepLinks(router: Router, initial: DeepLinkResult | null, win: Window = window): void {
  if (api.transport === 'electron') {
    const take = async () => {
      const result = await api.call('links:take')
      if (!result.ok || !result.value) return
      if ('refused' in result.value) return useDeepLinkNoticeStore().show(result.value.refused)
      useDeepLinkNoticeStore().dismiss()
      await followDeepLink(result.value, router)
    }
    api.on('links:opened', () => void take())
    void take()
    return
  }
  // Followed once the navigation under way has settled (a push inside it would be superseded).
  const follow = (result: DeepLinkResult | null) => {
    if (!result) return
    if (!result.ok) return useDeepLinkNoticeStore().show(result.reason)
    useDeepLinkNoticeStore().dismiss()
    setTimeout(() => void followDeepLink(result.link, router), 0)
  }
  void router.isReady().then(() => follow(initial))
  // A link opened later in this tab (the tab that holds the launch secret): the hash router would
  // read it as a path; the address still holds it when the guard runs, so it is taken from there.
  router.beforeEach(() => {
    const result = captureFragmentLink(win)
    if (!result) return true
    follow(result)
    return { name: 'devices', replace: true }
  })
}

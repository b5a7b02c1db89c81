/**
 * Deep links handed to the app by the OS (Electron host: protocol registration, `open-url`,
 * `second-instance` argv). Core keeps only the LAST link until the renderer takes it — a link only
 * navigates and pre-fills (DESIGN §3 "deep links"), so nothing is queued for later action. A refused
 * link is kept as its reason only, so the window can say it was refused and why (an agent who
 * clicked it must not be left wondering); logs get the reason and length (a link can carry a
 * caller's name).
 */
import { parseDeepLink, type DeepLink, type DeepLinkRejection, type DeepLinkResult } from '@shared/deep-link'
import type { EventBus } from '../events'
import type { Logger } from '../log'
import type { CoreModule } from '../module'
import type { Handlers } from '../router'

export interface LinkInbox {
  offer(url: string): DeepLinkResult
  readonly handlers: Handlers<'links:take'>
}

export function createLinkInbox(events: Pick<EventBus, 'emit'>, log: Logger): LinkInbox {
  let pending: DeepLink | { refused: DeepLinkRejection } | null = null
  return {
    offer(url) {
      const result = parseDeepLink(url)
      if (!result.ok) {
        log.warn('link.refused', { reason: result.reason, length: typeof url === 'string' ? url.length : 0 })
        pending = { refused: result.reason }
        events.emit('links:opened', {})
        return result
      }
      pending = result.link
      log.info('link.received', { by: result.link.by })
      events.emit('links:opened', {})
      return result
    },
    handlers: {
      'links:take': () => {
        const link = pending
        pending = null
        return link
      },
    },
  }
}

export interface LinksModule extends CoreModule<'links:take'> {
  /** Where the host hands the links it receives (Core.links). */
  readonly inbox: LinkInbox
}

/** `links:take` and the inbox the host offers links to. Holds nothing to stop. */
export function createLinksModule(events: Pick<EventBus, 'emit'>, log: Logger): LinksModule {
  const inbox = createLinkInbox(events, log)
  return { inbox, handlers: inbox.handlers, dispose() {} }
}

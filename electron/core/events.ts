import { events as eventSchemas, type EventPayload } from '@shared/api/contract'
import type { EventName } from '@shared/api/channels'
import type { Logger } from './log'

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** Main → renderer pushes. Hosts subscribe once and forward to every window / socket. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  subscribe(listener: EventListener): () => void
}

export function createEventBus(options: { validate: boolean; log: Logger }): EventBus {
  const listeners = new Set<EventListener>()
  return {
    emit(event, payload) {
      if (options.validate) {
        const checked = eventSchemas[event].safeParse(payload)
        if (!checked.success) {
          options.log.error('events.bad-payload', { event })
          return
        }
      }
      for (const listener of listeners) {
        try {
          listener(event, payload)
        } catch (error) {
          options.log.warn('events.listener-threw', { event, error })
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

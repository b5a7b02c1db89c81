import type { Logger } from '../log'
import type { SyncEngine } from './engine'

export interface BackgroundSyncOptions {
  readonly engine: Pick<SyncEngine, 'start' | 'running'>
  /** Settings' backgroundMinutes, read at every tick (0 = off). */
  readonly everyMinutes: () => number
  /** Only while an agent is signed in: a pass that can only fail AUTH_REQUIRED is not started. */
  readonly canRun: () => boolean
  readonly log: Logger
  readonly now?: () => number
  /** How often the timer looks (default 30 s). */
  readonly tickMs?: number
}

/**
 * The periodic background pass (issue's "Refresh and a periodic background pass"): the engine
 * picks incremental or full itself (a full sweep when due). Never overlaps a running sync; the
 * timer does not keep the process alive.
 */
export function startBackgroundSync(options: BackgroundSyncOptions): { stop(): void; tick(): boolean } {
  const now = options.now ?? Date.now
  let lastStart = now()
  const tick = (): boolean => {
    const minutes = options.everyMinutes()
    if (minutes <= 0 || options.engine.running() || now() - lastStart < minutes * 60_000) return false
    if (!options.canRun()) return false
    lastStart = now()
    try {
      void options.engine.start().done
      return true
    } catch (error) {
      options.log.info('sync.background-skipped', { error })
      return false
    }
  }
  const timer = setInterval(tick, options.tickMs ?? 30_000)
  timer.unref?.()
  return { stop: () => clearInterval(timer), tick }
}

import type { SessionProvider } from '../auth/session'
import type { EventBus } from '../events'
import { silentLogger, type Logger } from '../log'
import type { Handlers } from '../router'
import { createReachability, type Reachability } from './model'
import { probeGraph } from './probe'

export { createReachability, type Connectivity, type Reachability } from './model'
export { probeGraph, reportingFetch, PROBE_TIMEOUT_MS } from './probe'

export interface ProbeSchedule {
  /** Between probes while Graph answers (default 60 s): notices a lost network while the app is idle. */
  readonly reachableMs: number
  /** Between probes while it does not (default 10 s): notices it coming back without a click. */
  readonly unreachableMs: number
}

export const DEFAULT_PROBE_SCHEDULE: ProbeSchedule = { reachableMs: 60_000, unreachableMs: 10_000 }

export interface ConnectivityModuleOptions {
  readonly sessions: SessionProvider
  readonly events?: Pick<EventBus, 'emit'>
  readonly log?: Logger
  /** False: no background probe (tests that count requests); `connectivity:check` still probes. */
  readonly schedule?: ProbeSchedule | false
  readonly fetch?: typeof fetch
  readonly now?: () => number
}

export interface ConnectivityModule {
  readonly reachability: Reachability
  readonly handlers: Handlers<'connectivity:status' | 'connectivity:check'>
  /** Probes the active profile's Graph now and notes the outcome. */
  check(): Promise<void>
  dispose(): void
}

/**
 * Intune reachability for the whole of core (DESIGN §1): the model every Graph caller notes into,
 * the probe that keeps it current while the agent is idle, and `connectivity:changed` pushes.
 */
export function createConnectivityModule(options: ConnectivityModuleOptions): ConnectivityModule {
  const log = options.log ?? silentLogger
  const reachability = createReachability({ now: options.now })
  const schedule = options.schedule === undefined ? DEFAULT_PROBE_SCHEDULE : options.schedule
  let timer: ReturnType<typeof setTimeout> | null = null
  let disposed = false
  let inflight: Promise<void> | null = null

  reachability.onChange((status) => {
    log.info('connectivity.changed', { intune: status.intune, failure: status.failure })
    options.events?.emit('connectivity:changed', status)
    if (schedule) plan() // the interval depends on the state
  })

  function plan(): void {
    if (!schedule || disposed) return
    if (timer) clearTimeout(timer)
    const ms = reachability.status().intune === 'unreachable' ? schedule.unreachableMs : schedule.reachableMs
    timer = setTimeout(() => void check().finally(plan), ms)
    timer.unref?.()
  }

  function check(): Promise<void> {
    inflight ??= (async () => {
      let base = ''
      try {
        base = options.sessions.current().profile.graphBaseUrl
      } catch {
        return // sessions not started yet
      }
      reachability.note(await probeGraph(base, options.fetch))
    })().finally(() => {
      inflight = null
    })
    return inflight
  }

  // Another profile is another Graph: start from "unknown" and look at once.
  let lastBase: string | null = null
  options.sessions.onChange((session) => {
    if (session.profile.graphBaseUrl === lastBase) return
    lastBase = session.profile.graphBaseUrl
    reachability.reset()
    void check()
  })
  try {
    lastBase = options.sessions.current().profile.graphBaseUrl
  } catch {
    lastBase = null
  }
  if (schedule) void check().finally(plan)

  return {
    reachability,
    handlers: {
      'connectivity:status': () => reachability.status(),
      'connectivity:check': async () => {
        await check()
        return reachability.status()
      },
    },
    check,
    dispose() {
      disposed = true
      if (timer) clearTimeout(timer)
    },
  }
}

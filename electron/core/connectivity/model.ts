import type { IntuneReachability, ReachabilityStatus } from '@shared/api/schemas/connectivity'
import type { ErrorCode } from '@shared/errors'

/** Codes meaning "Graph could not be reached or could not serve", as opposed to "Graph answered no". */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set(['OFFLINE', 'GRAPH_UNAVAILABLE', 'TIMEOUT'])

/**
 * The one reachability model of core (DESIGN §1): every Graph outcome the app meets — a sync page,
 * a refresh, a transport attempt, the probe — is noted here, and the latest one decides. The sync
 * engine and device service keep their `note`/`online` view of it (sync:status.online).
 */
export interface Reachability {
  /** An outcome of a Graph call: null = it answered; a code = how it failed. CANCELLED says nothing. */
  note(outcome: ErrorCode | null): void
  online(): boolean
  status(): ReachabilityStatus
  /** Back to `unknown` (a profile switch points at another Graph). */
  reset(): void
  /** Called with the new status whenever the state or its failure changes. */
  onChange(listener: (status: ReachabilityStatus) => void): () => void
}

/**
 * What the sync engine and the device service need from the model: note each Graph outcome, read
 * whether Graph answers (and, when they show it, hear of changes).
 */
export type Connectivity = Pick<Reachability, 'note' | 'online'> & Partial<Pick<Reachability, 'onChange'>>

export function createReachability(options: { now?: () => number } = {}): Reachability {
  const now = options.now ?? Date.now
  let intune: IntuneReachability = 'unknown'
  let since: string | null = null
  let checkedAt: string | null = null
  let failure: ErrorCode | null = null
  const listeners = new Set<(status: ReachabilityStatus) => void>()
  const status = (): ReachabilityStatus => ({ intune, since, checkedAt, failure })

  const set = (next: IntuneReachability, nextFailure: ErrorCode | null) => {
    const at = new Date(now()).toISOString()
    checkedAt = at
    if (next === intune && nextFailure === failure) return
    // "Unreachable since 14:05" keeps its start while the reason changes (timeout → refused).
    if (next !== intune) since = at
    intune = next
    failure = nextFailure
    const snapshot = status()
    for (const listener of listeners) listener(snapshot)
  }

  return {
    note(outcome) {
      if (outcome === 'CANCELLED') return
      if (outcome !== null && UNREACHABLE.has(outcome)) set('unreachable', outcome)
      else set('reachable', null) // Graph answered (success, 401, 403, 404, a bad page…)
    },
    online: () => intune !== 'unreachable',
    status,
    reset() {
      const changed = intune !== 'unknown'
      intune = 'unknown'
      since = null
      checkedAt = null
      failure = null
      if (changed) for (const listener of listeners) listener(status())
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

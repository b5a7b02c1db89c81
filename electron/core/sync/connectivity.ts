import type { ErrorCode } from '@shared/errors'

/** Codes meaning "Graph could not be reached", as opposed to "Graph answered no". */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set(['OFFLINE', 'GRAPH_UNAVAILABLE', 'TIMEOUT'])

/**
 * Whether the last Graph call (sync or refresh) got through: drives the offline banner
 * (sync:status.online). Optimistic until something fails.
 */
export interface Connectivity {
  note(outcome: ErrorCode | null): void
  online(): boolean
}

export function createConnectivity(): Connectivity {
  let online = true
  return {
    note(outcome) {
      if (outcome === null) online = true
      else if (UNREACHABLE.has(outcome)) online = false
      else if (outcome !== 'CANCELLED') online = true // Graph answered (403, 404, bad page…)
    },
    online: () => online,
  }
}

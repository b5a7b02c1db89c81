import type { CoreModule } from '../module'
import { createHistoryHandlers, type HistoryDeps } from './handlers'

export type { HistoryDeps } from './handlers'

type HistoryChannel = 'history:list' | 'history:export' | 'history:team' | 'history:removalRequest'

/**
 * `history:*`: the local history (its own SQLite rows, works offline), CSV export, the team
 * timeline (domain §3) and pending wipe/retire requests. Reads what the actions module records.
 */
export function createHistoryModule(deps: HistoryDeps): CoreModule<HistoryChannel> {
  return { handlers: createHistoryHandlers(deps), dispose() {} }
}

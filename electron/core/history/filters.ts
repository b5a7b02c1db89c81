import type { HistoryFilters, TeamEntry } from '@shared/api/schemas/history'
import { foldText } from '@shared/text'

/**
 * The History filters applied to the team timeline in core, never in the renderer (DESIGN §1: the
 * renderer shows what core answers). This machine's rows are filtered by SQL (`buildHistoryWhere`);
 * the entries read from Intune's audits exist only in memory, so the same filters are applied here
 * with the same semantics: substrings, case- and accent-folded (DESIGN §3, French first).
 */

const contains = (value: string | null, wanted: string) =>
  value !== null && foldText(value).includes(foldText(wanted))

/**
 * Intune's audit states in this app's vocabulary: remoteActionAudits say `done`/`failed`/`pending`…
 * (domain §3.2, the same actionState members we use); auditEvents' `activityResult` is free text
 * (domain §3.1 documents no values; `Success` is what the portal and the demo tenant write).
 */
function stateOf(entry: TeamEntry): string | null {
  const state = entry.state?.toLowerCase() ?? null
  if (state === 'success') return 'done'
  if (state === 'failure' || state === 'failed') return 'failed'
  return state
}

/** Whether an entry read from Intune (not a local row) matches the agent's filters. */
export function remoteEntryMatches(entry: TeamEntry, filters: HistoryFilters): boolean {
  const device = filters.device?.trim()
  if (device && !contains(entry.deviceName, device) && !contains(entry.deviceId, device)) return false
  const agent = filters.agent?.trim()
  if (agent && !contains(entry.agentUpn, agent)) return false
  // Intune's records carry no ticket: a ticket filter keeps only this app's rows.
  const ticket = filters.ticket?.trim()
  if (ticket && !contains(entry.ticketReference, ticket)) return false
  // Nor the error codes of a failure reason (teamEntry has none): a reason keeps only this app's rows.
  if (filters.reason) return false
  if (filters.states && filters.states.length > 0) {
    const state = stateOf(entry)
    if (state === null || !filters.states.some((s) => s.toLowerCase() === state)) return false
  }
  return true
}

/**
 * Keeps the local entries whose row the SQL filter returned and the remote entries that match. The
 * timeline is merged from every local row in range first, so that Intune's record of one of our own
 * actions is still folded into our row (not shown apart) when a filter hides that row.
 */
export function filterTimeline(
  merged: readonly TeamEntry[],
  matchingLocalIds: ReadonlySet<string>,
  filters: HistoryFilters,
): TeamEntry[] {
  return merged.filter((e) =>
    e.source === 'local'
      ? e.localActionId !== null && matchingLocalIds.has(e.localActionId)
      : remoteEntryMatches(e, filters),
  )
}

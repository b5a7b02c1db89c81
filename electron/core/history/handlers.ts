import type { ActionRecord } from '@shared/api/schemas/actions'
import type { HistoryFilters, TeamEntry, TeamTimeline } from '@shared/api/schemas/history'
import { CodedError } from '@shared/errors'
import type { PasscodeGraph } from '../actions/graph'
import type { ActionRepository, StoredAction } from '../actions/repository'
import type { Handlers } from '../router'
import { exportFilename, historyToCsv } from './csv'
import { filterTimeline } from './filters'
import { latestRemovalRequest } from './removal'
import { auditEventEntries, localEntries, mergeTimeline, remoteAuditEntries, type DeviceAction } from './team'

export interface HistoryDeps {
  /** The active profile's actions (its own SQLite database: works offline). */
  readonly repo: () => ActionRepository
  readonly graph: () => PasscodeGraph
  readonly agentUpn: () => string | null
  readonly toRecord: (action: StoredAction) => ActionRecord
  /** The device cache's passcode action for a device (labels Intune's records of other agents). */
  readonly deviceAction?: DeviceAction
  readonly now: () => number
}

/** Team view default range: Intune keeps audit events a year, but a helpdesk looks at recent days. */
const DEFAULT_TEAM_DAYS = 30

export function createHistoryHandlers(
  deps: HistoryDeps,
): Handlers<'history:list' | 'history:export' | 'history:team' | 'history:removalRequest'> {
  return {
    'history:list'({ filters, offset, limit }) {
      const { rows, total } = deps.repo().history({ filters, offset, limit })
      return { rows: rows.map(deps.toRecord), total }
    },
    'history:export'({ filters, locale, timeZone }) {
      const rows = deps.repo().all(filters).map(deps.toRecord)
      return {
        csv: historyToCsv(rows, locale, timeZone),
        filename: exportFilename(deps.now(), locale, timeZone),
        rows: rows.length,
      }
    },
    async 'history:removalRequest'({ deviceId }) {
      return { request: latestRemovalRequest(await deps.graph().remoteActionAudits(), deviceId) }
    },
    async 'history:team'(wanted) {
      const toMs = wanted.to ? Date.parse(wanted.to) : deps.now() + 60_000
      const fromMs = wanted.from ? Date.parse(wanted.from) : toMs - DEFAULT_TEAM_DAYS * 86_400_000
      const range: HistoryFilters = {
        from: new Date(fromMs).toISOString(),
        to: new Date(toMs).toISOString(),
      }
      const filters: HistoryFilters = { ...wanted, ...range }
      // Every local row in range is merged (so Intune's record of a hidden row of ours is still
      // folded into it); the SQL filter decides which local rows are shown.
      const repo = deps.repo()
      const local = localEntries(repo.all(range).map(deps.toRecord))
      const matching = new Set(repo.all(filters).map((a) => a.record.id))
      const graph = deps.graph()
      const unavailable: TeamTimeline['unavailable'] = []
      let remote: TeamEntry[] = []
      try {
        remote = remoteAuditEntries(await graph.remoteActionAudits(), fromMs, toMs, deps.deviceAction)
      } catch (error) {
        const code = error instanceof CodedError ? error.code : 'INTERNAL'
        // Offline or signed out: the team view cannot exist; the renderer keeps the local list.
        if (code === 'OFFLINE' || code === 'AUTH_REQUIRED') throw error
        unavailable.push({ source: 'remoteActionAudit', code })
      }
      try {
        remote.push(
          ...auditEventEntries(
            await graph.auditEvents(range.from!, range.to!),
            fromMs,
            toMs,
            deps.deviceAction,
          ),
        )
      } catch (error) {
        // auditEvents needs Audit data/Read and DeviceManagementApps.Read.All (domain §3.1): may be missing.
        unavailable.push({
          source: 'auditEvent',
          code: error instanceof CodedError ? error.code : 'INTERNAL',
        })
      }
      const me = deps.agentUpn()?.toLowerCase()
      const entries = filterTimeline(mergeTimeline(local, remote), matching, filters).map((e) =>
        e.source !== 'local' && me && e.agentUpn?.toLowerCase() === me ? { ...e, mine: true } : e,
      )
      return { entries, unavailable }
    },
  }
}

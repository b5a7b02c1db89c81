import { CodedError, type ErrorCode } from '@shared/errors'
import { auditDeviceIds, auditText, isPasscodeActivity } from '../graph/audit-events'
import type { GraphClient } from '../graph/client'
import { graphPages } from '../graph/paging'

/**
 * The tenant's recent passcode requests that Intune's audit log recorded as not successful, read
 * for "before the click" (devices:failureFacts). Bounded so that the device page and the
 * walkthrough never wait on it: a recent window, a few pages, a time budget; one read serves every
 * device for a few minutes (it is tenant-wide), and a refusal is remembered as long (a role does
 * not change between two callers). Unreachable or late reads are not remembered: the next device
 * page tries again.
 *
 * `GET /v1.0/deviceManagement/auditEvents` needs DeviceManagementApps.Read.All and the Intune role's
 * Audit data Read (learn.microsoft.com/graph/api/intune-auditing-auditevent-list, domain §3.1). The
 * page documents no `$filter`; `activityDateTime ge` and `$orderby=activityDateTime desc` are what
 * public code uses, so the passcode activity and its result are matched here (graph/audit-events.ts).
 */

/** How far back: a helpdesk asks about the last weeks, Intune keeps a year. */
export const AUDIT_WINDOW_DAYS = 30
/** Events per page and pages followed at most, newest first: the rest of the year stays in the portal. */
export const AUDIT_PAGE_SIZE = 500
export const AUDIT_MAX_PAGES = 2
/** The device page waits this long for Intune at most, then shows the local facts. */
export const AUDIT_BUDGET_MS = 2_500
/** A read (or a refusal) serves every device page for this long. */
export const AUDIT_REUSE_MS = 5 * 60_000

export interface AuditFailureEvent {
  readonly at: string
  readonly result: string
  readonly deviceIds: readonly string[]
  readonly correlationId: string | null
}

export type AuditRead =
  | {
      readonly status: 'read'
      readonly since: string
      readonly readAt: string
      readonly events: readonly AuditFailureEvent[]
    }
  | { readonly status: 'notRead'; readonly code: ErrorCode }

export interface AuditReaderOptions {
  readonly graph: () => GraphClient
  /** Known unreachable (connectivity model): answer at once, without a request. */
  readonly online: () => boolean
  readonly now?: () => number
  readonly budgetMs?: number
}

/** Intune's activityResult is free text; "Success" is what the portal writes for a request it took. */
export function isFailedResult(result: string | null): result is string {
  return result !== null && result.trim().toLowerCase() !== 'success'
}

/** The passcode requests among one page of audit events whose result is not Success. */
export function passcodeFailures(events: readonly unknown[]): AuditFailureEvent[] {
  const out: AuditFailureEvent[] = []
  for (const item of events) {
    if (!item || typeof item !== 'object') continue
    const e = item as Record<string, unknown>
    if (!isPasscodeActivity(e)) continue
    const result = auditText(e.activityResult)
    const at = auditText(e.activityDateTime)
    if (!isFailedResult(result) || !at || Number.isNaN(Date.parse(at))) continue
    out.push({
      at,
      result: result.trim().slice(0, 80),
      deviceIds: auditDeviceIds(e),
      correlationId: auditText(e.correlationId),
    })
  }
  return out
}

function codeOf(error: unknown): ErrorCode {
  return error instanceof CodedError ? error.code : 'INTERNAL'
}

/** Reads whose answer is kept: a read, or a refusal that would be the same a minute later. */
const KEPT: ReadonlySet<ErrorCode> = new Set(['GRAPH_FORBIDDEN', 'PERMISSION_DENIED'])

export function createAuditReader(options: AuditReaderOptions) {
  const now = options.now ?? Date.now
  const budgetMs = options.budgetMs ?? AUDIT_BUDGET_MS
  /** Per open database (one per profile, so per tenant): the last kept answer and a read under way. */
  const kept = new WeakMap<object, { at: number; read: AuditRead }>()
  const running = new WeakMap<object, Promise<AuditRead>>()

  async function readPages(signal: AbortSignal): Promise<AuditRead> {
    const startMs = now()
    const since = new Date(startMs - AUDIT_WINDOW_DAYS * 86_400_000).toISOString()
    const path =
      `/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent(`activityDateTime ge ${since}`)}` +
      `&$orderby=${encodeURIComponent('activityDateTime desc')}&$top=${AUDIT_PAGE_SIZE}`
    const events: AuditFailureEvent[] = []
    let oldest: string | null = null
    let capped = false
    // One attempt per page: a retry's back-off would outlast the budget (the next device page tries again).
    const client = options.graph()
    const once: GraphClient = { ...client, get: (link, o) => client.get(link, { ...o, retry: false }) }
    for await (const page of graphPages<unknown>(once, path, { signal, badPageRetries: 0 })) {
      events.push(...passcodeFailures(page.items))
      const last = page.items.at(-1) as Record<string, unknown> | undefined
      oldest = auditText(last?.activityDateTime) ?? oldest
      if (page.page >= AUDIT_MAX_PAGES && page.nextLink) {
        capped = true
        break
      }
    }
    // Capped: only what was read is covered, and the facts say from when.
    return {
      status: 'read',
      since: capped && oldest ? new Date(Date.parse(oldest)).toISOString() : since,
      readAt: new Date(now()).toISOString(),
      events,
    }
  }

  function start(key: object): Promise<AuditRead> {
    const existing = running.get(key)
    if (existing) return existing
    // The read may outlive the budget: its answer is then kept for the next device page.
    const reading = readPages(AbortSignal.timeout(15_000))
      .catch((error): AuditRead => ({ status: 'notRead', code: codeOf(error) }))
      .then((read) => {
        if (read.status === 'read' || KEPT.has(read.code)) kept.set(key, { at: now(), read })
        running.delete(key)
        return read
      })
    running.set(key, reading)
    return reading
  }

  return {
    /** The audit facts for the tenant behind `key` (its cache database), within the budget. */
    async read(key: object): Promise<AuditRead> {
      const last = kept.get(key)
      if (last && now() - last.at < AUDIT_REUSE_MS) return last.read
      if (!options.online()) return { status: 'notRead', code: 'OFFLINE' }
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<AuditRead>((resolve) => {
        timer = setTimeout(() => resolve({ status: 'notRead', code: 'TIMEOUT' }), budgetMs)
      })
      try {
        return await Promise.race([start(key), late])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

export type AuditReader = ReturnType<typeof createAuditReader>

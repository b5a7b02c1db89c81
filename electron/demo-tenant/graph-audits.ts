/**
 * Audit trails: beta `remoteActionAudits`, `auditEvents` and its helper functions
 * (getAuditCategories, getAuditActivityTypes; auditEvent resource page, domain §3.1). Newest first
 * unless `$orderby` says asc; offset paging. auditEvents also hold earlier failed passcode requests
 * on a few scenario devices (earlier-audits.ts).
 */
import { denyPermission, requirePermission, requireScope } from './graph-auth'
import { odataContext, ok, type GraphCall, type GraphReply } from './graph-context'
import { AUDIT_EVENT_FILTER, evaluate, REMOTE_ACTION_AUDIT_FILTER, type FilterSpec } from './filter'
import {
  checkQueryOptions,
  fail,
  nextLink,
  parseFilterParam,
  parseSkip,
  parseTop,
  wantsCount,
} from './graph-query'
import { earlierAuditEvents } from './earlier-audits'
import { json } from './http'
import { DEMO_DOMAIN } from './people'
import { SCOPES } from './permissions'
import { removalAudits } from './removals'
import { remoteActionAuditJson } from './store'

const DEVICE_ACTIVITY_TYPES = [
  'ResetPasscode ManagedDevice',
  'RemoteLock ManagedDevice',
  'SyncDevice ManagedDevice',
  'Wipe ManagedDevice',
  'Retire ManagedDevice',
]

export function remoteActionAudits(call: GraphCall): GraphReply {
  if (call.version !== 'beta')
    fail(400, 'BadRequest', "Resource not found for the segment 'remoteActionAudits'.", call.req)
  requireScope(call.scopes, SCOPES.readDevices, call.req)
  requirePermission(call.agent, 'Microsoft.Intune_ManagedDevices_Read', call.req)
  const now = Date.now()
  const store = call.cfg.store
  const items = [
    ...removalAudits(store, `priya.shah@${DEMO_DOMAIN}`),
    ...store.actions.filter((a) => a.action !== 'syncDevice').map((a) => remoteActionAuditJson(a, now)),
  ]
  return listRecords(
    call,
    'deviceManagement/remoteActionAudits',
    items,
    REMOTE_ACTION_AUDIT_FILTER,
    'requestDateTime',
  )
}

export function auditEvents(call: GraphCall): GraphReply {
  requireAudit(call)
  const items = [
    ...earlierAuditEvents(call.cfg.store, `priya.shah@${DEMO_DOMAIN}`),
    ...call.cfg.store.audits.map((a) => a.json),
  ]
  return listRecords(call, 'deviceManagement/auditEvents', items, AUDIT_EVENT_FILTER, 'activityDateTime')
}

/** `fn` is getAuditCategories or getAuditActivityTypes; `category` from `(category='…')` if given. */
export function auditFunction(call: GraphCall, fn: string, category: string | undefined): GraphReply {
  requireAudit(call)
  if (fn === 'getAuditCategories')
    return ok(call, 'Collection(Edm.String)', { value: ['Device', 'Role', 'Compliance', 'Application'] })
  const asked = category ?? call.req.url.searchParams.get('category') ?? ''
  return ok(call, 'Collection(Edm.String)', {
    value: asked.toLowerCase() === 'device' ? DEVICE_ACTIVITY_TYPES : [],
  })
}

function requireAudit(call: GraphCall): void {
  requireScope(call.scopes, SCOPES.audit, call.req)
  // A custom role without Audit data Read (intune-policies.ts auditRead).
  if (call.cfg.policies.policyOf(call.agent).auditRead === false)
    denyPermission(call.agent, 'Microsoft.Intune_Audit_Read', call.req)
  requirePermission(call.agent, 'Microsoft.Intune_Audit_Read', call.req)
}

function listRecords(
  call: GraphCall,
  context: string,
  items: Record<string, unknown>[],
  spec: FilterSpec,
  dateProp: string,
): GraphReply {
  const { req } = call
  checkQueryOptions(req, ['$top', '$filter', '$skiptoken', '$orderby', '$count', '$select'])
  const top = parseTop(req)
  const skip = parseSkip(req)
  const filter = parseFilterParam(req, spec)
  const count = wantsCount(req)
  const orderby = (req.url.searchParams.get('$orderby') ?? `${dateProp} desc`).trim().split(/\s+/)
  if (orderby[0] !== dateProp || (orderby[1] && !['asc', 'desc'].includes(orderby[1].toLowerCase()))) {
    fail(400, 'BadRequest', `OrderBy on '${orderby[0]}' is not supported.`, req)
  }
  const desc = (orderby[1] ?? 'asc').toLowerCase() === 'desc'
  const matching = (filter ? items.filter((it) => evaluate(filter, (p) => it[p], spec)) : items).slice()
  matching.sort(
    (a, b) => (Date.parse(String(a[dateProp])) - Date.parse(String(b[dateProp]))) * (desc ? -1 : 1),
  )
  const page = matching.slice(skip.p, skip.p + top)
  const body: Record<string, unknown> = { '@odata.context': odataContext(call, context) }
  if (count) body['@odata.count'] = matching.length
  if (skip.p + top < matching.length)
    body['@odata.nextLink'] = nextLink(req, { p: skip.p + top, n: skip.n + 1 }, call.cfg.graphUrl())
  body.value = page
  return json(200, body)
}

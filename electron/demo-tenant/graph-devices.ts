/**
 * managedDevices: the list (scope tags hide devices, `$filter` compares what this client would
 * see, opaque `$skiptoken` carrying the scan position), the single GET, and remote actions (scope
 * tags and Multi Admin Approval checked as Intune does, domain §9).
 */
import { type RemoteActionName } from './behaviour'
import { clientIdOf, requirePermission, requireScope } from './graph-auth'
import { odataContext, type GraphCall, type GraphReply } from './graph-context'
import { evaluate, MANAGED_DEVICE_FILTER } from './filter'
import {
  checkQueryOptions,
  fail,
  headerOf,
  nextLink,
  parseFilterParam,
  parseSelect,
  parseSkip,
  parseTop,
  wantsCount,
} from './graph-query'
import { json } from './http'
import { SCOPES } from './permissions'
import { mapEnums, preferIncludesUnknownEnums, project } from './view'

const ACTIONS: ReadonlySet<string> = new Set(['resetPasscode', 'remoteLock', 'syncDevice'])
const ACTION_PERMISSION: Record<RemoteActionName, string> = {
  resetPasscode: 'Microsoft.Intune_RemoteTasks_ResetPasscode',
  remoteLock: 'Microsoft.Intune_RemoteTasks_RemoteLock',
  syncDevice: 'Microsoft.Intune_RemoteTasks_SyncDevice',
}
/** Other managedDevice actions Graph declares (schema managedDeviceActions): the demo does not simulate them. */
const OTHER_ACTIONS = new Set([
  'bypassActivationLock',
  'cleanWindowsDevice',
  'deleteUserFromSharedAppleDevice',
  'disableLostMode',
  'locateDevice',
  'logoutSharedAppleDeviceActiveUser',
  'rebootNow',
  'recoverPasscode',
  'requestRemoteAssistance',
  'retire',
  'shutDown',
  'updateWindowsDeviceAccount',
  'windowsDefenderScan',
  'windowsDefenderUpdateSignatures',
  'wipe',
])

const READ_PERMISSION = 'Microsoft.Intune_ManagedDevices_Read'

function requireRead(call: GraphCall): void {
  requireScope(call.scopes, SCOPES.readDevices, call.req)
  requirePermission(call.agent, READ_PERMISSION, call.req)
}

/** `/managedDevices/{id}[/action]` and `managedDevices('{id}')`: every method is answered here. */
export function deviceItem(call: GraphCall, id: string, action: string | undefined): GraphReply {
  const { req, method } = call
  if (!action && method === 'GET') {
    requireRead(call)
    return getDevice(call, id)
  }
  if (action && method === 'POST' && (ACTIONS.has(action) || OTHER_ACTIONS.has(action))) {
    requireScope(call.scopes, SCOPES.privileged, req)
    if (!ACTIONS.has(action))
      fail(501, 'NotImplemented', `The demo tenant does not simulate '${action}'.`, req)
    return issueAction(call, id, action as RemoteActionName)
  }
  if (action && method === 'GET')
    fail(400, 'BadRequest', `Resource not found for the segment '${action}'.`, req)
  fail(405, 'BadRequest', `The HTTP method '${method}' is not allowed on this resource.`, req)
}

function issueAction(call: GraphCall, id: string, name: RemoteActionName): GraphReply {
  const { cfg, req, agent } = call
  requirePermission(agent, ACTION_PERMISSION[name], req)
  const index = cfg.store.indexOf(id)
  if (index === undefined) fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
  cfg.policies.requireScope(agent, cfg.store.device(index), req)
  cfg.answers.check(index, cfg.store.traits(index).answersLike, req)
  cfg.policies.requireApproval(agent, cfg.store.traits(index).requiresApproval === true, req)
  cfg.store.issue(index, name, agent, clientIdOf(req, cfg.secret))
  return { status: 204 }
}

export function listDevices(call: GraphCall): GraphReply {
  requireRead(call)
  const { cfg, req, version, agent } = call
  checkQueryOptions(req, ['$select', '$top', '$filter', '$count', '$skiptoken', '$orderby'])
  const select = parseSelect(req, version)
  const top = parseTop(req)
  const skip = parseSkip(req)
  const filter = parseFilterParam(req, MANAGED_DEVICE_FILTER)
  const count = wantsCount(req)
  const include = preferIncludesUnknownEnums(headerOf(req, 'prefer'))
  const store = cfg.store
  const now = Date.now()
  const total = store.ctx.count
  const policies = cfg.policies
  const matches = (device: Record<string, unknown>): boolean => {
    // Scope tags hide a device from lists as from GETs (domain §9).
    if (!policies.inScope(agent, device)) return false
    if (!filter) return true
    // Filters compare what this client would see (evolvable enums mapped per version/Prefer).
    const visible = {
      deviceEnrollmentType: device.deviceEnrollmentType,
      managementAgent: device.managementAgent,
    }
    mapEnums(visible, version, include)
    return evaluate(
      filter,
      (p) => (p in visible ? visible[p as keyof typeof visible] : device[p]),
      MANAGED_DEVICE_FILTER,
    )
  }
  let countValue = skip.c
  if (count && countValue === undefined) {
    if (!filter && !policies.policyOf(agent).scopeTagIds) countValue = store.size
    else {
      countValue = 0
      for (let i = 0; i < total; i++) if (store.exists(i) && matches(store.device(i, now))) countValue++
    }
  }
  const value: Record<string, unknown>[] = []
  let nextIndex: number | undefined
  for (let i = skip.p; i < total; i++) {
    if (!store.exists(i)) continue
    const device = store.device(i, now)
    if (!matches(device)) continue
    if (value.length === top) {
      nextIndex = i
      break
    }
    value.push(project(device, { version, includeUnknownEnumMembers: include, select, single: false }))
  }
  const context = `deviceManagement/managedDevices${select ? `(${select.join(',')})` : ''}`
  const body: Record<string, unknown> = { '@odata.context': odataContext(call, context) }
  if (count) body['@odata.count'] = countValue
  if (nextIndex !== undefined)
    body['@odata.nextLink'] = nextLink(
      req,
      { p: nextIndex, n: skip.n + 1, ...(count ? { c: countValue } : {}) },
      cfg.graphUrl(),
    )
  body.value = value
  return { ...json(200, body), pageNumber: skip.n }
}

function getDevice(call: GraphCall, id: string): GraphReply {
  const { cfg, req, version, agent } = call
  checkQueryOptions(req, ['$select', '$expand'])
  if (req.url.searchParams.has('$expand'))
    fail(400, 'BadRequest', 'The demo tenant does not support $expand.', req)
  const select = parseSelect(req, version)
  const index = cfg.store.indexOf(id)
  if (index === undefined) fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
  cfg.policies.requireScope(agent, cfg.store.device(index), req)
  cfg.answers.check(index, cfg.store.traits(index).answersLike, req)
  const include = preferIncludesUnknownEnums(headerOf(req, 'prefer'))
  const device = project(cfg.store.device(index), {
    version,
    includeUnknownEnumMembers: include,
    select,
    single: true,
  })
  const context = `deviceManagement/managedDevices${select ? `(${select.join(',')})` : ''}/$entity`
  return json(200, { '@odata.context': odataContext(call, context), ...device })
}

/**
 * Microsoft Graph look-alike for the Intune slice the app uses, under /v1.0 and /beta. Errors use
 * Graph's shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
 */
import { type RemoteActionName } from './behaviour'
import {
  AUDIT_EVENT_FILTER,
  evaluate,
  MANAGED_DEVICE_FILTER,
  REMOTE_ACTION_AUDIT_FILTER,
  type FilterSpec,
} from './filter'
import {
  checkQueryOptions,
  fail,
  headerOf,
  HttpFailure,
  nextLink,
  parseFilterParam,
  parseSelect,
  parseSkip,
  parseTop,
  wantsCount,
  type GraphRequest,
} from './graph-query'
import { json, type Reply } from './http'
import { verifyJwt } from './jwt'
import type { IntunePolicies } from './intune-policies'
import { hasPermission, ROLE_PERMISSIONS, SCOPES } from './permissions'
import { DEMO_DOMAIN } from './people'
import { removalAudits } from './removals'
import { remoteActionAuditJson, type TenantStore } from './store'
import type { DemoAgent } from './types'
import { mapEnums, preferIncludesUnknownEnums, project, type GraphVersion } from './view'

export { graphError, MAX_PAGE, type GraphRequest } from './graph-query'

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

export interface GraphReply extends Reply {
  /** 1-based position of a managedDevices list page (fault injection targets it). */
  readonly pageNumber?: number
}

export interface GraphConfig {
  readonly store: TenantStore
  readonly tenantId: string
  readonly secret: Buffer
  readonly agents: readonly DemoAgent[]
  readonly graphUrl: () => string
  readonly policies: IntunePolicies
}

export class GraphApi {
  constructor(private readonly cfg: GraphConfig) {}

  handle(req: GraphRequest): GraphReply {
    try {
      return this.route(req)
    } catch (e) {
      if (e instanceof HttpFailure) return e.reply
      throw e
    }
  }

  private authenticate(req: GraphRequest): { agent: DemoAgent; scopes: Set<string> } {
    const header = String(req.headers.authorization ?? '')
    const www = {
      'www-authenticate': `Bearer realm="", authorization_uri="${this.cfg.graphUrl()}/${this.cfg.tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m) fail(401, 'InvalidAuthenticationToken', 'Access token is empty.', req, www)
    const claims = verifyJwt(m[1], this.cfg.secret)
    if (!claims || claims.tid !== this.cfg.tenantId) {
      fail(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid signature or issuer.',
        req,
        www,
      )
    }
    if (
      claims.aud !== 'https://graph.microsoft.com' &&
      claims.aud !== '00000003-0000-0000-c000-000000000000'
    ) {
      fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.', req, www)
    }
    const now = Date.now() / 1000
    if (typeof claims.exp !== 'number' || claims.exp <= now) {
      fail(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.', req, www)
    }
    if (typeof claims.nbf === 'number' && claims.nbf > now + 300) {
      fail(
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is not yet valid.',
        req,
        www,
      )
    }
    const agent = this.cfg.agents.find((a) => a.objectId === claims.oid)
    if (!agent)
      fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Unknown user.', req, www)
    return {
      agent,
      scopes: new Set(
        String(claims.scp ?? '')
          .split(' ')
          .filter(Boolean),
      ),
    }
  }

  private requireScope(scopes: Set<string>, needed: readonly string[], req: GraphRequest): void {
    if (needed.some((s) => scopes.has(s))) return
    fail(
      403,
      'Forbidden',
      `Application is not authorized to perform this operation. Application must have one of the following scopes: ${needed.join(', ')} - Operation ID (for customer support): ${req.requestId}`,
      req,
    )
  }

  private requirePermission(agent: DemoAgent, permission: string, req: GraphRequest): void {
    if (hasPermission(agent.role, permission)) return
    fail(
      403,
      'Forbidden',
      `The user '${agent.upn}' is not authorized to perform this operation: the Intune permission '${permission}' is missing from their role assignments. - Operation ID (for customer support): ${req.requestId}`,
      req,
    )
  }

  private route(req: GraphRequest): GraphReply {
    const m = /^\/(v1\.0|beta)(\/.*)$/.exec(req.url.pathname)
    if (!m) fail(400, 'BadRequest', `Invalid version: '${req.url.pathname.split('/')[1] ?? ''}'.`, req)
    const version = m[1] as GraphVersion
    const path = decodeURIComponent(m[2]).replace(/\/+$/, '')
    const { agent, scopes } = this.authenticate(req)
    const method = req.method.toUpperCase()

    if (path === '/me' && method === 'GET') {
      this.requireScope(scopes, SCOPES.me, req)
      return this.ok(version, 'users/$entity', {
        businessPhones: [],
        displayName: agent.displayName,
        givenName: agent.displayName.split(' ')[0],
        jobTitle: agent.role === 'helpDeskOperator' ? 'Technicien support' : 'Auditeur',
        mail: agent.upn,
        mobilePhone: null,
        officeLocation: null,
        preferredLanguage: 'fr-FR',
        surname: agent.displayName.split(' ').slice(1).join(' '),
        userPrincipalName: agent.upn,
        id: agent.objectId,
      })
    }

    const eff = /^\/deviceManagement\/getEffectivePermissions(?:\((?:scope=)?'([^']*)'\))?$/.exec(path)
    if (eff && method === 'GET') {
      this.requireScope(scopes, SCOPES.rbac, req)
      const allowed = ROLE_PERMISSIONS[agent.role]
      const resourceActions = [
        {
          '@odata.type': '#microsoft.graph.resourceAction',
          allowedResourceActions: [...allowed],
          notAllowedResourceActions: [],
        },
      ]
      // v1.0 rolePermission has resourceActions; beta also carries the older flat `actions` list.
      const item =
        version === 'beta'
          ? { '@odata.type': '#microsoft.graph.rolePermission', actions: [...allowed], resourceActions }
          : { '@odata.type': '#microsoft.graph.rolePermission', resourceActions }
      return this.ok(version, 'Collection(microsoft.graph.rolePermission)', { value: [item] })
    }

    if (path === '/deviceManagement/managedDevices' && method === 'GET') {
      this.requireScope(scopes, SCOPES.readDevices, req)
      this.requirePermission(agent, 'Microsoft.Intune_ManagedDevices_Read', req)
      return this.listDevices(req, version, agent)
    }

    const dev = /^\/deviceManagement\/managedDevices(?:\/([^/()]+)|\('([^']+)'\))(?:\/([^/]+))?$/.exec(path)
    if (dev) {
      const id = dev[1] ?? dev[2]
      const action = dev[3]
      if (!action && method === 'GET') {
        this.requireScope(scopes, SCOPES.readDevices, req)
        this.requirePermission(agent, 'Microsoft.Intune_ManagedDevices_Read', req)
        return this.getDevice(req, version, id, agent)
      }
      if (action && method === 'POST' && (ACTIONS.has(action) || OTHER_ACTIONS.has(action))) {
        this.requireScope(scopes, SCOPES.privileged, req)
        if (!ACTIONS.has(action))
          fail(501, 'NotImplemented', `The demo tenant does not simulate '${action}'.`, req)
        const name = action as RemoteActionName
        this.requirePermission(agent, ACTION_PERMISSION[name], req)
        const index = this.cfg.store.indexOf(id)
        if (index === undefined)
          fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
        this.cfg.policies.requireScope(agent, this.cfg.store.device(index), req)
        this.cfg.policies.requireApproval(agent, this.cfg.store.traits(index).requiresApproval === true, req)
        this.cfg.store.issue(index, name, agent, this.clientIdOf(req))
        return { status: 204 }
      }
      if (action && method === 'GET')
        fail(400, 'BadRequest', `Resource not found for the segment '${action}'.`, req)
      fail(405, 'BadRequest', `The HTTP method '${method}' is not allowed on this resource.`, req)
    }

    if (path === '/deviceManagement/remoteActionAudits' && method === 'GET') {
      if (version !== 'beta')
        fail(400, 'BadRequest', "Resource not found for the segment 'remoteActionAudits'.", req)
      this.requireScope(scopes, SCOPES.readDevices, req)
      this.requirePermission(agent, 'Microsoft.Intune_ManagedDevices_Read', req)
      const now = Date.now()
      const items = [
        ...removalAudits(this.cfg.store, `priya.shah@${DEMO_DOMAIN}`),
        ...this.cfg.store.actions
          .filter((a) => a.action !== 'syncDevice')
          .map((a) => remoteActionAuditJson(a, now)),
      ]
      return this.listRecords(
        req,
        version,
        'deviceManagement/remoteActionAudits',
        items,
        REMOTE_ACTION_AUDIT_FILTER,
        'requestDateTime',
      )
    }

    // auditEvent helper functions (auditEvent resource page; domain §3.1): discover activity types.
    const auditFn =
      /^\/deviceManagement\/auditEvents\/(getAuditCategories|getAuditActivityTypes)(?:\((?:category='([^']*)')?\))?$/.exec(
        path,
      )
    if (auditFn && method === 'GET') {
      this.requireScope(scopes, SCOPES.audit, req)
      this.requirePermission(agent, 'Microsoft.Intune_Audit_Read', req)
      if (auditFn[1] === 'getAuditCategories')
        return this.ok(version, 'Collection(Edm.String)', {
          value: ['Device', 'Role', 'Compliance', 'Application'],
        })
      const category = auditFn[2] ?? req.url.searchParams.get('category') ?? ''
      const types =
        category.toLowerCase() === 'device'
          ? [
              'ResetPasscode ManagedDevice',
              'RemoteLock ManagedDevice',
              'SyncDevice ManagedDevice',
              'Wipe ManagedDevice',
              'Retire ManagedDevice',
            ]
          : []
      return this.ok(version, 'Collection(Edm.String)', { value: types })
    }

    if (path === '/deviceManagement/auditEvents' && method === 'GET') {
      this.requireScope(scopes, SCOPES.audit, req)
      this.requirePermission(agent, 'Microsoft.Intune_Audit_Read', req)
      const items = this.cfg.store.audits.map((a) => a.json)
      return this.listRecords(
        req,
        version,
        'deviceManagement/auditEvents',
        items,
        AUDIT_EVENT_FILTER,
        'activityDateTime',
      )
    }

    fail(
      400,
      'BadRequest',
      `Resource not found for the segment '${path.split('/').filter(Boolean).pop() ?? ''}'.`,
      req,
    )
  }

  private clientIdOf(req: GraphRequest): string {
    const claims = verifyJwt(
      String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''),
      this.cfg.secret,
    )
    return String(claims?.appid ?? '')
  }

  private ok(version: GraphVersion, context: string, body: Record<string, unknown>): Reply {
    return json(200, { '@odata.context': `${this.cfg.graphUrl()}/${version}/$metadata#${context}`, ...body })
  }

  private listDevices(req: GraphRequest, version: GraphVersion, agent: DemoAgent): GraphReply {
    checkQueryOptions(req, ['$select', '$top', '$filter', '$count', '$skiptoken', '$orderby'])
    const select = parseSelect(req, version)
    const top = parseTop(req)
    const skip = parseSkip(req)
    const filter = parseFilterParam(req, MANAGED_DEVICE_FILTER)
    const count = wantsCount(req)
    const include = preferIncludesUnknownEnums(headerOf(req, 'prefer'))
    const store = this.cfg.store
    const now = Date.now()
    const total = store.ctx.count
    const policies = this.cfg.policies
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
    let i = skip.p
    let nextIndex: number | undefined
    for (; i < total; i++) {
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
    const body: Record<string, unknown> = {
      '@odata.context': `${this.cfg.graphUrl()}/${version}/$metadata#${context}`,
    }
    if (count) body['@odata.count'] = countValue
    if (nextIndex !== undefined)
      body['@odata.nextLink'] = nextLink(
        req,
        { p: nextIndex, n: skip.n + 1, ...(count ? { c: countValue } : {}) },
        this.cfg.graphUrl(),
      )
    body.value = value
    return { ...json(200, body), pageNumber: skip.n }
  }

  private getDevice(req: GraphRequest, version: GraphVersion, id: string, agent: DemoAgent): Reply {
    checkQueryOptions(req, ['$select', '$expand'])
    if (req.url.searchParams.has('$expand'))
      fail(400, 'BadRequest', 'The demo tenant does not support $expand.', req)
    const select = parseSelect(req, version)
    const index = this.cfg.store.indexOf(id)
    if (index === undefined) fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
    this.cfg.policies.requireScope(agent, this.cfg.store.device(index), req)
    const include = preferIncludesUnknownEnums(headerOf(req, 'prefer'))
    const device = project(this.cfg.store.device(index), {
      version,
      includeUnknownEnumMembers: include,
      select,
      single: true,
    })
    const context = `deviceManagement/managedDevices${select ? `(${select.join(',')})` : ''}/$entity`
    return json(200, {
      '@odata.context': `${this.cfg.graphUrl()}/${version}/$metadata#${context}`,
      ...device,
    })
  }

  /** Audits: newest first unless $orderby says asc; offset paging. */
  private listRecords(
    req: GraphRequest,
    version: GraphVersion,
    context: string,
    items: Record<string, unknown>[],
    spec: FilterSpec,
    dateProp: string,
  ): Reply {
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
    const body: Record<string, unknown> = {
      '@odata.context': `${this.cfg.graphUrl()}/${version}/$metadata#${context}`,
    }
    if (count) body['@odata.count'] = matching.length
    if (skip.p + top < matching.length)
      body['@odata.nextLink'] = nextLink(req, { p: skip.p + top, n: skip.n + 1 }, this.cfg.graphUrl())
    body.value = page
    return json(200, body)
  }
}

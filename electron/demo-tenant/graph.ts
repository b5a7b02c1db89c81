/**
 * Microsoft Graph look-alike for the Intune slice the app uses, under /v1.0 and /beta. Errors use
 * Graph's shape: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}.
 */
import { type RemoteActionName } from './behaviour'
import {
  AUDIT_EVENT_FILTER,
  evaluate,
  FilterError,
  MANAGED_DEVICE_FILTER,
  parseFilter,
  REMOTE_ACTION_AUDIT_FILTER,
  type FilterSpec,
  type Node,
} from './filter'
import { json, type Reply } from './http'
import { verifyJwt } from './jwt'
import { hasPermission, ROLE_PERMISSIONS, SCOPES } from './permissions'
import { remoteActionAuditJson, type TenantStore } from './store'
import type { DemoAgent } from './types'
import { isKnownProperty, mapEnums, preferIncludesUnknownEnums, project, type GraphVersion } from './view'

export const MAX_PAGE = 1000
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

export interface GraphRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly requestId: string
  readonly clientRequestId: string
}

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
}

export function graphError(
  status: number,
  code: string,
  message: string,
  req: GraphRequest,
  headers: Record<string, string> = {},
): Reply {
  return json(
    status,
    {
      error: {
        code,
        message,
        innerError: {
          date: new Date().toISOString().replace(/\.\d+Z$/, ''),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId,
        },
      },
    },
    headers,
  )
}

class HttpFailure extends Error {
  constructor(readonly reply: Reply) {
    super('graph failure')
  }
}

interface Skip {
  /** Next index (device list) or offset (audits) to scan from. */
  readonly p: number
  /** Page number of the page this token fetches. */
  readonly n: number
  /** Total count carried from the first page ($count=true). */
  readonly c?: number
}

const encodeSkip = (s: Skip): string => Buffer.from(JSON.stringify(s)).toString('base64url')

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

  private fail(
    status: number,
    code: string,
    message: string,
    req: GraphRequest,
    headers: Record<string, string> = {},
  ): never {
    throw new HttpFailure(graphError(status, code, message, req, headers))
  }

  private authenticate(req: GraphRequest): { agent: DemoAgent; scopes: Set<string> } {
    const header = String(req.headers.authorization ?? '')
    const www = {
      'www-authenticate': `Bearer realm="", authorization_uri="${this.cfg.graphUrl()}/${this.cfg.tenantId}/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
    }
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m) this.fail(401, 'InvalidAuthenticationToken', 'Access token is empty.', req, www)
    const claims = verifyJwt(m[1], this.cfg.secret)
    if (!claims || claims.tid !== this.cfg.tenantId) {
      this.fail(
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
      this.fail(
        401,
        'InvalidAuthenticationToken',
        'Access token validation failure. Invalid audience.',
        req,
        www,
      )
    }
    const now = Date.now() / 1000
    if (typeof claims.exp !== 'number' || claims.exp <= now) {
      this.fail(
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is expired.',
        req,
        www,
      )
    }
    if (typeof claims.nbf === 'number' && claims.nbf > now + 300) {
      this.fail(
        401,
        'InvalidAuthenticationToken',
        'Lifetime validation failed, the token is not yet valid.',
        req,
        www,
      )
    }
    const agent = this.cfg.agents.find((a) => a.objectId === claims.oid)
    if (!agent)
      this.fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Unknown user.', req, www)
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
    this.fail(
      403,
      'Forbidden',
      `Application is not authorized to perform this operation. Application must have one of the following scopes: ${needed.join(', ')} - Operation ID (for customer support): ${req.requestId}`,
      req,
    )
  }

  private requirePermission(agent: DemoAgent, permission: string, req: GraphRequest): void {
    if (hasPermission(agent.role, permission)) return
    this.fail(
      403,
      'Forbidden',
      `The user '${agent.upn}' is not authorized to perform this operation: the Intune permission '${permission}' is missing from their role assignments. - Operation ID (for customer support): ${req.requestId}`,
      req,
    )
  }

  private route(req: GraphRequest): GraphReply {
    const m = /^\/(v1\.0|beta)(\/.*)$/.exec(req.url.pathname)
    if (!m) this.fail(400, 'BadRequest', `Invalid version: '${req.url.pathname.split('/')[1] ?? ''}'.`, req)
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
      return this.listDevices(req, version)
    }

    const dev = /^\/deviceManagement\/managedDevices(?:\/([^/()]+)|\('([^']+)'\))(?:\/([^/]+))?$/.exec(path)
    if (dev) {
      const id = dev[1] ?? dev[2]
      const action = dev[3]
      if (!action && method === 'GET') {
        this.requireScope(scopes, SCOPES.readDevices, req)
        this.requirePermission(agent, 'Microsoft.Intune_ManagedDevices_Read', req)
        return this.getDevice(req, version, id)
      }
      if (action && method === 'POST' && (ACTIONS.has(action) || OTHER_ACTIONS.has(action))) {
        this.requireScope(scopes, SCOPES.privileged, req)
        if (!ACTIONS.has(action))
          this.fail(501, 'NotImplemented', `The demo tenant does not simulate '${action}'.`, req)
        const name = action as RemoteActionName
        this.requirePermission(agent, ACTION_PERMISSION[name], req)
        const index = this.cfg.store.indexOf(id)
        if (index === undefined)
          this.fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
        this.cfg.store.issue(index, name, agent, this.clientIdOf(req))
        return { status: 204 }
      }
      if (action && method === 'GET')
        this.fail(400, 'BadRequest', `Resource not found for the segment '${action}'.`, req)
      this.fail(405, 'BadRequest', `The HTTP method '${method}' is not allowed on this resource.`, req)
    }

    if (path === '/deviceManagement/remoteActionAudits' && method === 'GET') {
      if (version !== 'beta')
        this.fail(400, 'BadRequest', "Resource not found for the segment 'remoteActionAudits'.", req)
      this.requireScope(scopes, SCOPES.readDevices, req)
      this.requirePermission(agent, 'Microsoft.Intune_ManagedDevices_Read', req)
      const now = Date.now()
      const items = this.cfg.store.actions
        .filter((a) => a.action !== 'syncDevice')
        .map((a) => remoteActionAuditJson(a, now))
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

    this.fail(
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

  private checkQueryOptions(req: GraphRequest, allowed: readonly string[]): void {
    for (const key of req.url.searchParams.keys()) {
      if (key.startsWith('$') && !allowed.includes(key)) {
        this.fail(
          400,
          'BadRequest',
          `Query option '${key}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or QueryValidationSettings.`,
          req,
        )
      }
    }
  }

  private parseSelect(req: GraphRequest, version: GraphVersion): string[] | null {
    const raw = req.url.searchParams.get('$select')
    if (raw === null) return null
    const names = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (names.length === 0)
      this.fail(400, 'BadRequest', "The query specified in the URI is not valid. '$select' is empty.", req)
    for (const n of names) {
      if (!isKnownProperty(version, n)) {
        this.fail(
          400,
          'BadRequest',
          `Could not find a property named '${n}' on type 'microsoft.graph.managedDevice'.`,
          req,
        )
      }
    }
    return names
  }

  private parseTop(req: GraphRequest): number {
    const raw = req.url.searchParams.get('$top')
    if (raw === null) return MAX_PAGE
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
      this.fail(400, 'BadRequest', `Invalid value '${raw}' for $top query option found.`, req)
    // Intune caps pages at 1000 whatever $top asks (domain §2.6).
    return Math.min(Number(raw), MAX_PAGE)
  }

  private parseSkip(req: GraphRequest): Skip {
    const raw = req.url.searchParams.get('$skiptoken')
    if (raw === null) return { p: 0, n: 1 }
    try {
      const s = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Skip
      if (Number.isInteger(s.p) && s.p >= 0 && Number.isInteger(s.n) && s.n >= 1) return s
    } catch {
      // fall through
    }
    this.fail(400, 'BadRequest', 'The $skiptoken value is not valid.', req)
  }

  private parseFilterParam(req: GraphRequest, spec: FilterSpec): Node | null {
    const raw = req.url.searchParams.get('$filter')
    if (raw === null || raw.trim() === '') return null
    try {
      return parseFilter(raw, spec)
    } catch (e) {
      if (e instanceof FilterError) this.fail(400, 'BadRequest', e.message, req)
      throw e
    }
  }

  private wantsCount(req: GraphRequest): boolean {
    const raw = req.url.searchParams.get('$count')
    if (raw === null) return false
    if (raw !== 'true' && raw !== 'false')
      this.fail(400, 'BadRequest', `'${raw}' is not a valid count option.`, req)
    return raw === 'true'
  }

  private nextLink(req: GraphRequest, skip: Skip): string {
    const next = new URL(req.url.pathname, this.cfg.graphUrl())
    for (const [k, v] of req.url.searchParams) if (k !== '$skiptoken') next.searchParams.append(k, v)
    next.searchParams.set('$skiptoken', encodeSkip(skip))
    return next.toString()
  }

  private listDevices(req: GraphRequest, version: GraphVersion): GraphReply {
    this.checkQueryOptions(req, ['$select', '$top', '$filter', '$count', '$skiptoken', '$orderby'])
    const select = this.parseSelect(req, version)
    const top = this.parseTop(req)
    const skip = this.parseSkip(req)
    const filter = this.parseFilterParam(req, MANAGED_DEVICE_FILTER)
    const count = this.wantsCount(req)
    const include = preferIncludesUnknownEnums(headerOf(req, 'prefer'))
    const store = this.cfg.store
    const now = Date.now()
    const total = store.ctx.count
    const matches = (device: Record<string, unknown>): boolean => {
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
      if (!filter) countValue = store.size
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
      body['@odata.nextLink'] = this.nextLink(req, {
        p: nextIndex,
        n: skip.n + 1,
        ...(count ? { c: countValue } : {}),
      })
    body.value = value
    return { ...json(200, body), pageNumber: skip.n }
  }

  private getDevice(req: GraphRequest, version: GraphVersion, id: string): Reply {
    this.checkQueryOptions(req, ['$select', '$expand'])
    if (req.url.searchParams.has('$expand'))
      this.fail(400, 'BadRequest', 'The demo tenant does not support $expand.', req)
    const select = this.parseSelect(req, version)
    const index = this.cfg.store.indexOf(id)
    if (index === undefined)
      this.fail(404, 'ResourceNotFound', `Resource not found: managedDevice '${id}'.`, req)
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
    this.checkQueryOptions(req, ['$top', '$filter', '$skiptoken', '$orderby', '$count', '$select'])
    const top = this.parseTop(req)
    const skip = this.parseSkip(req)
    const filter = this.parseFilterParam(req, spec)
    const count = this.wantsCount(req)
    const orderby = (req.url.searchParams.get('$orderby') ?? `${dateProp} desc`).trim().split(/\s+/)
    if (orderby[0] !== dateProp || (orderby[1] && !['asc', 'desc'].includes(orderby[1].toLowerCase()))) {
      this.fail(400, 'BadRequest', `OrderBy on '${orderby[0]}' is not supported.`, req)
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
      body['@odata.nextLink'] = this.nextLink(req, { p: skip.p + top, n: skip.n + 1 })
    body.value = page
    return json(200, body)
  }
}

function headerOf(req: GraphRequest, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v.join(',') : v
}

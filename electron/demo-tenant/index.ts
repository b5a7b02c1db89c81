/**
 * The demo tenant (DESIGN §1): a Graph- and Entra-faithful simulated Intune tenant on 127.0.0.1.
 * `startDemoTenant()` is the programmatic API used by the app (demo mode), the CLI
 * (`passcode-desk demo-tenant serve`) and the tests. See README.md for the MSAL configuration.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { normaliseFaults, NO_FAULTS } from './faults'
import { createGraphFront } from './graph-front'
import { budgetsFromEnv, IntuneBudgetLimiter, rateLimitsFromEnv } from './rate-limits'
import { DEMO_DOMAIN, generateDevice, guidFrom, upnOf } from './generator'
import { GraphApi } from './graph'
import { readBody, writeReply } from './http'
import { createNetworkKnob } from './network'
import { GRAPH_SCOPES, Identity } from './identity'
import { routeIdentity } from './identity-routes'
import { IntuneAnswers } from './intune-answers'
import { IntunePolicies } from './intune-policies'
import { SCENARIO_INDEX } from './scenarios'
import { TenantStore } from './store'
import type {
  DemoAgent,
  DemoTenant,
  DemoTenantOptions,
  FaultOptions,
  GraphDevice,
  RequestLogEntry,
} from './types'

export type * from './types'
export { generateDevices, generateDevice } from './generator'
export { SCENARIOS } from './scenarios'
export { resetPasscodeOutcome, outcomeFor, ERROR_CODES } from './behaviour'
export { GRAPH_SCOPES } from './identity'
export { ROLE_PERMISSIONS } from './permissions'
export { msalConfigFor } from './msal-config'

const MAX_LOG = 50_000

/** Fixed defaults, so the embedded demo profile keeps the same identity across launches. */
export const DEFAULT_TENANT_ID = '5f1c3a2e-8b4d-4c6f-9a1e-2d7b8c9e0f13'
export const DEFAULT_CLIENT_ID = '0e4a9c7d-3b2f-4e8a-b6c1-9d5f7a2e4b80'

export const DEMO_AGENTS: readonly DemoAgent[] = [
  {
    upn: upnOf({ first: 'Élodie', last: 'Marchand', lang: 'fr' }),
    displayName: 'Élodie Marchand',
    objectId: guidFrom(0xa9e7, 1),
    role: 'helpDeskOperator',
  },
  {
    upn: upnOf({ first: 'Samuel', last: 'Okafor', lang: 'en' }),
    displayName: 'Samuel Okafor',
    objectId: guidFrom(0xa9e7, 2),
    role: 'helpDeskOperator',
    // Samuel's role assignment covers the Default scope tag only (domain §9): devices tagged "Lyon"
    // (id 1, e.g. scenario outsideSamuelScope) are invisible to him.
    scopeTagIds: ['0'],
  },
  {
    upn: upnOf({ first: 'Thérèse', last: 'Lambert', lang: 'fr' }),
    displayName: 'Thérèse Lambert',
    objectId: guidFrom(0xa9e7, 3),
    role: 'readOnlyOperator',
  },
]

export async function startDemoTenant(options: DemoTenantOptions = {}): Promise<DemoTenant> {
  const seed = options.seed ?? 1
  const count = Math.max(0, Math.floor(options.devices ?? 2000))
  const tenantId = (options.tenantId ?? DEFAULT_TENANT_ID).toLowerCase()
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID
  const timeScale = options.timeScale ?? 1
  const secret = randomBytes(32)
  let faults = normaliseFaults(NO_FAULTS, {
    intuneRateLimits: rateLimitsFromEnv(process.env),
    ...options.faults,
  })
  let baseUrl = ''
  const log: RequestLogEntry[] = []
  // Unbounded tallies beside the bounded log: a team-scale run sends more requests than it keeps.
  const statusCounts = new Map<number, number>()
  const limiter = new IntuneBudgetLimiter(options.intuneBudgets ?? budgetsFromEnv(process.env))
  const store = new TenantStore({ seed, count, now: options.referenceTime ?? Date.now() }, timeScale)
  const identity = new Identity({
    baseUrl: () => baseUrl,
    tenantId,
    clientId,
    agents: DEMO_AGENTS,
    secret,
    accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
    refreshTokenLifetimeSeconds: options.refreshTokenLifetimeSeconds ?? 90 * 86_400,
    consentRequired: () => faults.consentRequired,
  })
  // Colleagues who cannot sign in but appear in the seeded history.
  const colleagues = [
    { upn: `marc.girard@${DEMO_DOMAIN}`, objectId: guidFrom(0xa9e7, 10) },
    { upn: `priya.shah@${DEMO_DOMAIN}`, objectId: guidFrom(0xa9e7, 11) },
  ]
  const historyAgents = [...DEMO_AGENTS.filter((a) => a.role === 'helpDeskOperator'), ...colleagues]
  store.seedHistory(historyAgents, clientId, options.historyActions ?? Math.min(80, Math.floor(count / 50)))
  const policies = new IntunePolicies(DEMO_AGENTS)
  const graph = new GraphApi({
    store,
    tenantId,
    secret,
    agents: DEMO_AGENTS,
    graphUrl: () => baseUrl,
    policies,
    answers: new IntuneAnswers(timeScale),
  })
  const graphFront = createGraphFront({ graph, faults: () => faults, seed, limiter, secret })

  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    if (network.intercept(req, res)) return
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        writeReply(res, {
          status: 500,
          body: { error: { code: 'InternalServerError', message: String(error) } },
          headers: { 'content-type': 'application/json' },
        })
      else res.destroy()
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl)
    const method = (req.method ?? 'GET').toUpperCase()
    const record = (status: number): void => {
      // Bounded: the embedded demo runs for days; tests read far fewer entries than this.
      if (log.length >= MAX_LOG) log.splice(0, log.length - MAX_LOG + 1)
      log.push({ method, path: url.pathname + url.search, status })
      statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1)
    }
    if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs))
    const body = method === 'POST' ? await readBody(req) : ''

    if (/^\/(v1\.0|beta)(\/|$)/.test(url.pathname)) {
      graphFront(req, res, url, method, record)
      return
    }

    // The request log over HTTP, for end-to-end tests whose tenant runs inside the browser host
    // (they count action POSTs). Method, path and status only: no header, body or token is kept.
    if (method === 'GET' && url.pathname === '/_demo/requests') {
      writeReply(res, {
        status: 200,
        body: { requests: log, counts: Object.fromEntries(statusCounts) },
        headers: { 'content-type': 'application/json' },
      })
      return
    }

    const reply = routeIdentity(identity, tenantId, method, url, body)
    record(reply.status)
    writeReply(res, reply)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://127.0.0.1:${port}`
  const network = createNetworkKnob({
    server,
    sockets,
    port: () => port,
    controlFile: options.networkControlFile,
  })

  const agentFor = (upn?: string): DemoAgent => {
    const agent = upn
      ? DEMO_AGENTS.find((a) => a.upn.toLowerCase() === upn.toLowerCase())
      : DEMO_AGENTS.find((a) => a.role === 'helpDeskOperator')
    if (!agent) throw new Error(`Unknown demo agent '${upn ?? ''}'.`)
    return agent
  }
  const listIds = (): string[] => {
    const out: string[] = []
    for (let i = 0; i < count; i++) if (store.exists(i)) out.push(generateDevice(store.ctx, i).graph.id)
    return out
  }

  return {
    baseUrl,
    graphUrl: baseUrl,
    authority: `${baseUrl}/${tenantId}`,
    tenantId,
    clientId,
    agents: DEMO_AGENTS,
    issueAccessToken: (upn) => identity.accessToken(agentFor(upn), GRAPH_SCOPES),
    setFaults: (patch: Partial<FaultOptions>) => {
      faults = normaliseFaults(faults, patch)
    },
    setNetwork: (mode) => network.set(mode),
    revokeRefreshTokens: (upn) => identity.revokeRefreshTokens(upn),
    setAgentPolicy: (upn, policy) => policies.set(upn, policy),
    requestLog: () => log.slice(),
    clearRequestLog: () => {
      log.splice(0)
      statusCounts.clear()
    },
    devices: {
      getDevice: (id) => {
        const i = store.indexOf(id)
        return i === undefined ? undefined : (store.device(i) as GraphDevice)
      },
      listDeviceIds: listIds,
      findDevice: (predicate) => {
        for (let i = 0; i < count; i++) {
          if (!store.exists(i)) continue
          const d = store.device(i) as GraphDevice
          if (predicate(d)) return d
        }
        return undefined
      },
      getTraits: (id) => {
        const i = store.indexOf(id)
        return i === undefined ? undefined : store.traits(i)
      },
      removeDevice: (id) => {
        const i = store.indexOf(id)
        if (i === undefined) return false
        store.remove(i)
        return true
      },
      updateDevice: (id, patch) => {
        const i = store.indexOf(id)
        if (i === undefined) return false
        store.patch(i, patch)
        return true
      },
      updateTraits: (id, patch) => {
        const i = store.indexOf(id)
        if (i === undefined) return false
        store.patchTraits(i, patch)
        return true
      },
      get count() {
        return store.size
      },
    },
    scenarioDevice: (name) => {
      const i = SCENARIO_INDEX.get(name)
      if (i === undefined) throw new Error(`Unknown scenario '${name}'.`)
      if (!store.exists(i))
        throw new Error(
          `Scenario '${name}' needs at least ${i + 1} devices (tenant has ${count}) or was removed.`,
        )
      return generateDevice(store.ctx, i).graph.id
    },
    openIdConfiguration: () => identity.openIdConfiguration(),
    instanceDiscovery: () => identity.instanceDiscovery(),
    close: () =>
      new Promise<void>((resolve) => {
        network.dispose()
        if (!server.listening) return resolve()
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      }),
  }
}

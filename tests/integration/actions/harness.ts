import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChannelOutput } from '@shared/api/contract'
import type { Channel, EventName } from '@shared/api/channels'
import type { ActionRecord } from '@shared/api/schemas/actions'
import { DEFAULT_SETTINGS, type Settings } from '@shared/api/schemas/settings'
import { PRECONDITION_CODES } from '@shared/eligibility'
import { CodedError } from '@shared/errors'
import { fetchEffectivePermissions } from '../../../electron/core/auth/permissions'
import type { Session, SessionProvider } from '../../../electron/core/auth/session'
import { createSessionPasscodeGraph } from '../../../electron/core/actions/graph'
import { createActionsModule, type ActionsModule } from '../../../electron/core/actions'
import { createHistoryModule } from '../../../electron/core/history'
import type { ActionTiming } from '../../../electron/core/actions/types'
import { createEventBus } from '../../../electron/core/events'
import { createLogger } from '../../../electron/core/log'
import { createRouter, type Handlers, type Router } from '../../../electron/core/router'
import { openDatabase, type Db } from '../../../electron/core/store/db'
import { startDemoTenant, type DemoTenant, type ScenarioName } from '../../../electron/demo-tenant'
import { filesUnder } from '../../support/leak-scan'

/**
 * A real harness: the demo tenant on 127.0.0.1, a Session that gets genuine tokens from it and
 * reads the agent's real effective permissions, the real SQLite store in a temp dir, the real router
 * (input and output validation on), and a log file we can scan afterwards.
 */
export const TEST_TIMING: Partial<ActionTiming> = {
  pollInitialMs: 20,
  pollMaxMs: 80,
  pollFactor: 1.5,
  giveUpMs: 4_000,
  verifyWindowMs: 300,
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface Harness {
  readonly demo: DemoTenant
  readonly dir: string
  router: Router
  services: ActionsModule
  readonly events: { name: EventName; payload: unknown }[]
  readonly notifications: { title: string; body: string }[]
  /** The host's system clipboard (what Electron's main-process clipboard would hold). */
  readonly clipboard: { text: string; writes: string[] }
  settings: Settings
  /** How many times core asked the session who is signed in (`Session.agent()`). */
  agentChecks: number
  /**
   * What happens to the next resetPasscode POSTs: `lostAnswer` = the tenant registers it but the
   * answer is lost (504 at a gateway); `unavailable` = the tenant answers 503/504 without registering.
   */
  postFault: null | 'lostAnswer' | 'unavailable' | 'crashAfterSend'
  /** Switches the agent (token and permissions follow). */
  signIn(upn: string | null): void
  /** Points Graph at a closed port: every request fails like a machine without network. */
  setOffline(offline: boolean): Promise<void>
  call<C extends Channel>(channel: C, input?: unknown): Promise<ChannelOutput<C>>
  callResult(
    channel: Channel,
    input?: unknown,
  ): Promise<{ ok: boolean; error?: { code: string; detail?: unknown } }>
  /** Stops the services and starts new ones over the same database (an app restart). */
  restart(timing?: Partial<ActionTiming>): Promise<void>
  waitForState(actionId: string, states: readonly string[], timeoutMs?: number): Promise<ActionRecord>
  resetPosts(): number
  issueInput(scenario: ScenarioName, over?: Record<string, unknown>): Record<string, unknown>
  /** Every byte this app wrote to disk (database, WAL, logs), as latin1 text for substring search. */
  diskText(): string
  close(): Promise<void>
}

let keySeq = 0
export const newKey = () => `k${Date.now().toString(36)}${(keySeq++).toString(36)}xx`

export async function startHarness(timing: Partial<ActionTiming> = TEST_TIMING): Promise<Harness> {
  const demo = await startDemoTenant({ port: 0, devices: 40, seed: 7, timeScale: 0.01 })
  const dir = mkdtempSync(join(tmpdir(), 'pd-actions-'))
  const log = createLogger({ dir: join(dir, 'logs'), level: 'debug' })
  const bus = createEventBus({ validate: true, log })
  const events: Harness['events'] = []
  bus.subscribe((name, payload) => events.push({ name, payload }))
  const notifications: Harness['notifications'] = []
  let upn: string | null = demo.agents.find((a) => a.role === 'helpDeskOperator')!.upn
  let graphBaseUrl = demo.graphUrl
  const listeners = new Set<(s: Session) => void>()
  const dbs: Db[] = []

  const session: Session = {
    profile: {
      id: 'demo',
      name: 'Demo',
      kind: 'demo',
      tenantId: demo.tenantId,
      get graphBaseUrl() {
        return graphBaseUrl
      },
    },
    profileDataDir: join(dir, 'profiles', 'demo'),
    agent() {
      h.agentChecks++
      const agent = demo.agents.find((a) => a.upn === upn)
      return agent
        ? {
            upn: agent.upn,
            displayName: agent.displayName,
            tenantId: demo.tenantId,
            objectId: agent.objectId,
          }
        : null
    },
    async getAccessToken() {
      if (!upn) throw new CodedError('AUTH_REQUIRED', 'signed out')
      return demo.issueAccessToken(upn)
    },
    async permissions() {
      return fetchEffectivePermissions(graphBaseUrl, await this.getAccessToken())
    },
  }
  const sessions: SessionProvider = {
    current: () => session,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }

  const h: Harness = {
    demo,
    dir,
    events,
    notifications,
    clipboard: { text: '', writes: [] },
    settings: { ...DEFAULT_SETTINGS, policy: { ticketRequired: true, requiredChecks: ['employeeId'] } },
    postFault: null,
    agentChecks: 0,
    router: undefined as unknown as Router,
    services: undefined as unknown as ActionsModule,
    signIn(next) {
      upn = next
      for (const l of listeners) l(session)
    },
    async setOffline(offline) {
      graphBaseUrl = offline ? `http://127.0.0.1:${await freePort()}` : demo.graphUrl
    },
    async call(channel, input) {
      const result = await h.router.call(channel, input, { host: 'test', clientId: 'w1' })
      if (!result.ok)
        throw Object.assign(new Error(`${channel}: ${result.error.code}`), { error: result.error })
      return result.value as never
    },
    async callResult(channel, input) {
      return h.router.call(channel, input, { host: 'test', clientId: 'w1' }) as never
    },
    async restart(nextTiming = timing) {
      await h.services.dispose()
      // A restart reopens the database file from scratch.
      for (const db of dbs.splice(0)) db.close()
      build(nextTiming)
    },
    async waitForState(actionId, states, timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs
      for (;;) {
        const { action } = await h.call('actions:get', { actionId })
        if (states.includes(action.state)) return action
        if (Date.now() > until) throw new Error(`action stayed ${action.state}, wanted ${states.join('|')}`)
        await new Promise((r) => setTimeout(r, 15))
      }
    },
    resetPosts() {
      const n = demo
        .requestLog()
        .filter((r) => r.method === 'POST' && r.path.includes('/resetPasscode')).length
      demo.clearRequestLog()
      return n
    },
    issueInput(scenario, over = {}) {
      return {
        deviceId: demo.scenarioDevice(scenario),
        idempotencyKey: newKey(),
        ticketReference: 'INC-4242',
        verification: {
          checks: ['employeeId', 'managerCallback'],
          callerName: 'Hélène Durand',
          scriptRead: true,
        },
        preconditionsConfirmed: [...PRECONDITION_CODES],
        ...over,
      }
    },
    diskText() {
      return filesUnder(dir)
        .map((file) => readFileSync(file).toString('latin1'))
        .join('\n')
    },
    async close() {
      await h.services.dispose()
      for (const db of dbs) if (db.open) db.close()
      await demo.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }

  const faultyFetch: typeof fetch = async (url, init) => {
    if (init?.method !== 'POST' || !h.postFault) return fetch(url, init)
    if (h.postFault === 'crashAfterSend') {
      // The tenant registers it, and this process never learns the answer (it "dies" mid-call).
      await fetch(url, init)
      return new Promise<Response>(() => {})
    }
    if (h.postFault === 'lostAnswer') {
      await fetch(url, init)
      return new Response('<html>504 Gateway Time-out</html>', { status: 504 })
    }
    h.demo.setFaults({ unavailableFraction: 1 })
    try {
      return await fetch(url, init)
    } finally {
      h.demo.setFaults({ unavailableFraction: 0 })
    }
  }

  function build(t: Partial<ActionTiming>) {
    const services = createActionsModule({
      sessions,
      settings: { get: () => h.settings },
      events: bus,
      log,
      host: {
        notify: (title, body) => notifications.push({ title, body }),
        locale: () => 'fr-FR',
        clipboard: {
          readText: async () => h.clipboard.text,
          writeText: async (text) => {
            h.clipboard.writes.push(text)
            h.clipboard.text = text
          },
          clear: () => void (h.clipboard.text = ''),
        },
      },
      database: (s) => {
        const file = join(s.profileDataDir, 'cache.db')
        let db = dbs.find((d) => d.name === file && d.open)
        if (!db) dbs.push((db = openDatabase(file)))
        return db
      },
      timing: t,
      graph: (s) => createSessionPasscodeGraph(s, { fetch: faultyFetch }),
    })
    // The history module reads what the actions module records, as createCore wires them.
    const history = createHistoryModule({
      repo: () => services.contexts.active().repo,
      graph: () => services.contexts.active().graph(),
      agentUpn: () => sessions.current().agent()?.upn ?? null,
      toRecord: services.ledger.dto,
      deviceAction: (deviceId) => services.contexts.deviceAction(deviceId),
      now: Date.now,
    })
    h.services = services
    const handlers = { ...services.handlers, ...history.handlers }
    h.router = createRouter(handlers as unknown as Handlers, { validateOutput: true, log })
  }
  build(timing)
  return h
}

/** The temporary passcode the demo tenant generated for a device (read behind the app's back). */
export function demoPasscode(demo: DemoTenant, deviceId: string): string | null {
  const results = demo.devices.getDevice(deviceId)?.deviceActionResults
  if (!Array.isArray(results)) return null
  const reset = results.find((r) => (r as { actionName?: string }).actionName === 'resetPasscode') as
    { passcode?: string | null } | undefined
  return reset?.passcode ?? null
}

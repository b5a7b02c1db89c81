import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureFacts, type FailureFacts } from '../../../shared/api/schemas/failure-facts'
import { failureCauses } from '../../../shared/failure-causes'
import { AUDIT_BUDGET_MS } from '../../../electron/core/devices/audit-read'
import { silentLogger } from '../../../electron/core/log'
import { createRouter, type Handlers } from '../../../electron/core/router'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import { demoSessions } from '../../support/demo-session'

/**
 * devices:failureFacts with Intune's audit log, over real HTTP against the demo tenant: the earlier
 * failed passcode requests it keeps on two scenario devices (earlier-audits.ts) become facts about
 * that device and about the other devices allowing the same action; a refusal (403), an unreachable
 * tenant and a slow one leave the local facts and say the audit log was not read.
 */
describe('devices:failureFacts and the audit log', () => {
  let demo: DemoTenant
  let dir: string
  let module: DeviceCacheModule
  let upn: string

  const facts = async (id: string): Promise<FailureFacts> => {
    const result = await createRouter(module.handlers as unknown as Handlers, {
      validateOutput: true,
      log: silentLogger,
    }).call('devices:failureFacts', { id }, { host: 'test', clientId: 't' })
    if (!result.ok) throw new Error(`failureFacts refused: ${result.error.code}`)
    return failureFacts.parse(result.value)
  }

  beforeEach(async () => {
    demo = await startDemoTenant({ port: 0, devices: 60, seed: 7, timeScale: 0.01, historyActions: 0 })
    dir = mkdtempSync(join(tmpdir(), 'pd-audit-'))
    upn = demo.agents[0]!.upn
    module = createDeviceCacheModule({ sessions: demoSessions(demo, dir, () => upn) })
    await module.sync.start().done
  })

  afterEach(async () => {
    module.dispose()
    await demo.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("finds the device's earlier failed requests, and the tenant's on devices allowing the same action", async () => {
    const failing = await facts(demo.scenarioDevice('iosBadUnlockToken'))
    expect(failing.audit).toMatchObject({
      status: 'read',
      deviceFailures: [{ result: 'Failure', count: 2 }],
      tenantFailures: [],
    })
    const read = failing.audit as Extract<FailureFacts['audit'], { status: 'read' }>
    // The latest of the two, two days before the tenant's reference time, inside the window.
    expect(Date.now() - Date.parse(read.deviceFailures[0]!.lastAt)).toBeGreaterThan(1.9 * 86_400_000)
    expect(Date.parse(read.since)).toBeLessThan(Date.parse(read.deviceFailures[0]!.lastAt))
    expect(failureCauses(failing).find((c) => c.kind === 'auditFailedOnDevice')).toMatchObject({
      severity: 'warning',
      count: 2,
      result: 'Failure',
    })

    // Another iPhone (removal): the two are the tenant's; the work profile's reset is not the same action.
    const other = await facts(demo.scenarioDevice('iosRemovalSucceeds'))
    expect(other.audit).toMatchObject({
      status: 'read',
      deviceFailures: [],
      tenantFailures: [{ result: 'Failure', count: 2 }],
    })
    expect(failureCauses(other).map((c) => c.kind)).toContain('auditFailedInTenant')
    const android = await facts(demo.scenarioDevice('workProfileSucceeds'))
    expect(android.audit).toMatchObject({ tenantFailures: [{ result: 'Failure', count: 1 }] })
  })

  it('a role without Audit data Read (403): the local causes stand, and the audit log is said not read', async () => {
    demo.setAgentPolicy(upn, { auditRead: false })
    const id = demo.scenarioDevice('iosBadUnlockToken')
    const got = await facts(id)
    expect(got.audit).toEqual({ status: 'notRead', code: 'GRAPH_FORBIDDEN' })
    const kinds = failureCauses(got).map((c) => c.kind)
    expect(kinds).toContain('auditNotRead')
    expect(kinds).toContain('policyNotKnown')
    expect(kinds).not.toContain('auditFailedOnDevice')
    // The refusal is remembered: the next device page asks Intune nothing.
    const before = demo.requestLog().length
    expect((await facts(demo.scenarioDevice('iosRemovalSucceeds'))).audit).toMatchObject({
      status: 'notRead',
    })
    expect(demo.requestLog().length).toBe(before)
  })

  it('Intune unreachable: answered at once from the local facts', async () => {
    await demo.setNetwork('refuse')
    const started = Date.now()
    const got = await facts(demo.scenarioDevice('iosBadUnlockToken'))
    expect(Date.now() - started).toBeLessThan(AUDIT_BUDGET_MS)
    expect(got.audit).toEqual({ status: 'notRead', code: 'OFFLINE' })
    expect(failureCauses(got).map((c) => c.kind)).toEqual(
      expect.arrayContaining(['auditNotRead', 'policyNotKnown']),
    )
  })

  it('Intune slower than the budget: the local facts come first, the late answer serves the next page', async () => {
    demo.setFaults({ latencyMs: AUDIT_BUDGET_MS + 1_000 })
    const started = Date.now()
    const late = await facts(demo.scenarioDevice('iosBadUnlockToken'))
    expect(Date.now() - started).toBeLessThan(AUDIT_BUDGET_MS + 800)
    expect(late.audit).toEqual({ status: 'notRead', code: 'TIMEOUT' })
    await new Promise((r) => setTimeout(r, 1_800))
    demo.setFaults({ latencyMs: 0 })
    const logged = demo.requestLog().length
    const next = await facts(demo.scenarioDevice('iosBadUnlockToken'))
    expect(next.audit).toMatchObject({ status: 'read', deviceFailures: [{ count: 2 }] })
    expect(demo.requestLog().length).toBe(logged)
  }, 15_000)
})

import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failureFacts } from '../../../shared/api/schemas/failure-facts'
const localFacts = failureFacts.omit({ audit: true })
import { failureCauses } from '../../../shared/failure-causes'
import { readFailureFacts } from '../../../electron/core/devices/failure-facts'
import { openDatabase } from '../../../electron/core/store/db'
import { toDeviceRecord } from '../../../electron/core/store/device-record'
import { beginSnapshot } from '../../../electron/core/store/snapshot'
import { BETA_FIELDS } from '../../../electron/core/sync/fields'
import { startHarness, type Harness } from '../actions/harness'

/**
 * "Before the click" over what the real action engine records: actions issued through the router
 * against the demo tenant on 127.0.0.1 (a removal Intune fails, a Multi Admin Approval hold), then
 * the facts core reads for the device page and the causes the shared rules draw from them.
 */
describe('devices:failureFacts over recorded actions', () => {
  let h: Harness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => {
    await h.close()
  })

  /** The cache database the action engine wrote to, with every demo device cached as a sync would. */
  function cacheDb() {
    const db = openDatabase(join(h.dir, 'profiles', 'demo', 'cache.db'))
    const snapshot = beginSnapshot(db)
    const at = new Date().toISOString()
    snapshot.addPage(
      h.demo.devices.listDeviceIds().map((id) => {
        const graph = h.demo.devices.getDevice(id) as unknown as Record<string, unknown>
        return toDeviceRecord(Object.fromEntries(BETA_FIELDS.map((f) => [f, graph[f] ?? null])), 'beta', at)!
      }),
    )
    snapshot.commit()
    return db
  }

  it('an earlier failure on the device and an approval hold in the tenant become causes, with their facts', async () => {
    const failing = h.issueInput('iosBadUnlockToken')
    const failed = await h.call('actions:issue', failing)
    await h.waitForState(failed.id, ['failed'])
    h.demo.setAgentPolicy(h.demo.agents.find((a) => a.role === 'helpDeskOperator')!.upn, {
      requiresApproval: true,
    })
    const held = await h.call('actions:issue', h.issueInput('iosRemovalSucceeds'))
    expect(held.state).toBe('awaitingApproval')

    const db = cacheDb()
    try {
      const facts = localFacts.parse(readFailureFacts(db, String(failing.deviceId)))
      expect(facts.deviceFailures).toEqual([
        { reason: { kind: 'state', state: 'failed' }, count: 1, lastAt: expect.any(String) },
      ])
      expect(facts.approvalRequired).toMatchObject({ count: 1 })
      // The audit log's part is read by the handler (failure-facts-audit.test.ts): none here.
      const noAudit = { status: 'notRead', code: 'NOT_IMPLEMENTED' } as const
      const kinds = failureCauses({ ...facts, audit: noAudit }).map((c) => c.kind)
      expect(kinds).toContain('failedOnDevice')
      expect(kinds).toContain('approvalRequired')
      // The other device: nothing failed on it, the tenant's removal failure is listed instead.
      const other = localFacts.parse(readFailureFacts(db, String(held.deviceId)))
      expect(other.deviceFailures).toEqual([])
      expect(other.tenantFailures).toEqual([
        { reason: { kind: 'state', state: 'failed' }, count: 1, lastAt: facts.deviceFailures[0]!.lastAt },
      ])
    } finally {
      db.close()
    }
  })
})

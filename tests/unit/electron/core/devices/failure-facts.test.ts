import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { failureFacts } from '../../../../../shared/api/schemas/failure-facts'
const localFacts = failureFacts.omit({ audit: true })
import {
  APPROVALS_SQL,
  DEVICE_FAILURES_SQL,
  readFailureFacts,
  TENANT_FAILURES_SQL,
} from '../../../../../electron/core/devices/failure-facts'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { createScopeDenials } from '../../../../../electron/core/store/scope-denials'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { records, tempDir } from '../store/helpers'

const NOW = Date.parse('2026-11-26T12:00:00Z')
const DEVICES = [
  {
    id: 'ios-1',
    deviceName: 'iPhone A',
    operatingSystem: 'iOS',
    osVersion: '18.1',
    deviceEnrollmentType: 'appleBulkWithUser',
    managementAgent: 'mdm',
    lastSyncDateTime: '2026-11-10T08:00:00Z',
  },
  {
    id: 'ios-2',
    deviceName: 'iPhone B',
    operatingSystem: 'iOS',
    osVersion: '18.1',
    deviceEnrollmentType: 'appleBulkWithUser',
    managementAgent: 'mdm',
    lastSyncDateTime: '2026-11-26T08:00:00Z',
  },
  { id: 'mac-1', deviceName: 'Mac', operatingSystem: 'macOS', lastSyncDateTime: null },
]

let n = 0
function action(
  db: Db,
  a: { device: string; action?: string; state: string; failure?: string; at: string },
): string {
  const id = `act-${++n}`
  db.prepare(
    `INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id, action, enrollment, state,
      agent_upn, verification_json, preconditions_json, device_json, eligibility_json, client_request_id,
      failure_code, requested_at, updated_at)
     VALUES (?, ?, 'p', 't', ?, ?, 'iosDeviceEnrollment', ?, 'agent@contoso', '{}', '[]', '{}', '{}', ?, ?, ?, ?)`,
  ).run(id, id, a.device, a.action ?? 'removePasscode', a.state, `crid-${id}`, a.failure ?? null, a.at, a.at)
  return id
}

describe('devices:failureFacts', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  const read = (id: string, trace?: { sql: string; params: unknown[] }[]) =>
    localFacts.parse(readFailureFacts(db, id, { now: () => NOW, trace }))

  beforeAll(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    const snapshot = beginSnapshot(db)
    snapshot.addPage(records(DEVICES))
    snapshot.commit()
    action(db, { device: 'ios-1', state: 'notSent', failure: 'GRAPH_FORBIDDEN', at: '2026-11-01T10:00:00Z' })
    action(db, { device: 'ios-1', state: 'notSent', failure: 'GRAPH_FORBIDDEN', at: '2026-11-03T10:00:00Z' })
    action(db, { device: 'ios-1', state: 'failed', at: '2026-11-02T10:00:00Z' })
    action(db, { device: 'ios-1', state: 'done', at: '2026-11-04T10:00:00Z' })
    action(db, { device: 'ios-2', state: 'failed', at: '2026-11-05T10:00:00Z' })
    action(db, { device: 'ios-2', state: 'stillPending', at: '2026-11-06T10:00:00Z' })
    // Another action kind fails elsewhere: not counted for a removal.
    action(db, { device: 'mac-1', action: 'resetPasscode', state: 'failed', at: '2026-11-07T10:00:00Z' })
  })
  afterAll(() => {
    db.close()
    tmp.cleanup()
  })

  it("gives the device's own failures by reason, most frequent first, and not its successes", () => {
    const facts = read('ios-1')
    expect(facts.deviceFailures).toEqual([
      { reason: { kind: 'error', code: 'GRAPH_FORBIDDEN' }, count: 2, lastAt: '2026-11-03T10:00:00Z' },
      { reason: { kind: 'state', state: 'failed' }, count: 1, lastAt: '2026-11-02T10:00:00Z' },
    ])
    expect(facts).toMatchObject({
      action: 'removePasscode',
      lastCheckIn: '2026-11-10T08:00:00Z',
      readAt: '2026-11-26T12:00:00.000Z',
      outOfScope: false,
      passcodePolicy: 'notKnown',
      approvalRequired: null,
    })
  })

  it("gives the tenant's failures of the same action on other devices only", () => {
    expect(read('ios-1').tenantFailures).toEqual([
      { reason: { kind: 'state', state: 'stillPending' }, count: 1, lastAt: '2026-11-06T10:00:00Z' },
      { reason: { kind: 'state', state: 'failed' }, count: 1, lastAt: '2026-11-05T10:00:00Z' },
    ])
    expect(read('ios-2').tenantFailures.map((r) => r.count)).toEqual([2, 1])
    // No action is possible on the Mac: nothing to compare with.
    expect(read('mac-1').tenantFailures).toEqual([])
  })

  it('sees Multi Admin Approval held before, even after the approval moved the action on', () => {
    const id = action(db, { device: 'ios-2', state: 'done', at: '2026-11-08T10:00:00Z' })
    db.prepare(
      "INSERT INTO action_transitions (action_id, seq, state, at) VALUES (?, 1, 'awaitingApproval', ?)",
    ).run(id, '2026-11-08T10:00:05Z')
    expect(read('ios-1').approvalRequired).toEqual({ count: 1, lastAt: '2026-11-08T10:00:05Z' })
  })

  it('says when the device is marked outside the agent’s scope, and NOT_FOUND for a device not cached', () => {
    createScopeDenials(db).mark({
      deviceId: 'ios-2',
      agentUpn: 'a@x',
      deniedAt: '2026-11-26T11:00:00Z',
      requestId: null,
      activityId: null,
    })
    expect(read('ios-2').outOfScope).toBe(true)
    expect(() => read('nope')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('reads the history through its indexes (EXPLAIN QUERY PLAN)', () => {
    const plan = (sql: string, params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan(DEVICE_FAILURES_SQL, ['ios-1'])).toMatch(
      /SEARCH actions USING INDEX actions_by_device \(device_id=\?\)/,
    )
    expect(plan(TENANT_FAILURES_SQL, ['removePasscode', 'ios-1'])).toMatch(
      /SEARCH actions USING COVERING INDEX actions_by_outcome \(action=\? AND state=\?\)/,
    )
    expect(plan(APPROVALS_SQL, [])).toMatch(
      /SEARCH action_transitions USING COVERING INDEX action_transitions_by_state \(state=\?\)/,
    )
    const trace: { sql: string; params: unknown[] }[] = []
    read('ios-1', trace)
    for (const { sql, params } of trace)
      expect(plan(sql, params)).not.toMatch(/\bSCAN (actions|action_transitions|d|devices)\b/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditFacts } from '../../../../../shared/api/schemas/failure-facts'
import {
  auditFactsFor,
  DEVICE_ACTIONS_SQL,
  OWN_ACTION_SQL,
} from '../../../../../electron/core/devices/audit-failures'
import { passcodeFailures, type AuditRead } from '../../../../../electron/core/devices/audit-read'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { records, tempDir } from '../store/helpers'

const IOS = {
  operatingSystem: 'iOS',
  osVersion: '18.1',
  deviceEnrollmentType: 'appleBulkWithUser',
  managementAgent: 'mdm',
}
const DEVICES = [
  { id: 'ios-1', deviceName: 'iPhone A', lastSyncDateTime: '2026-11-26T08:00:00Z', ...IOS },
  { id: 'ios-2', deviceName: 'iPhone B', lastSyncDateTime: '2026-11-26T08:00:00Z', ...IOS },
  { id: 'mac-1', deviceName: 'Mac', operatingSystem: 'macOS', lastSyncDateTime: null },
]

/** An auditEvent as the v1.0 list returns it (learn.microsoft.com/graph/api/resources/intune-auditing-auditevent). */
function event(device: string, at: string, result = 'Failure', extra: Record<string, unknown> = {}) {
  return {
    id: `${device}-${at}`,
    activityType: 'ResetPasscode ManagedDevice',
    activityResult: result,
    activityDateTime: at,
    correlationId: `corr-${device}-${at}`,
    category: 'Device',
    resources: [{ resourceId: device, displayName: device, auditResourceType: 'ManagedDevice' }],
    ...extra,
  }
}

describe('audit log failures as facts', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  beforeAll(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    const snapshot = beginSnapshot(db)
    snapshot.addPage(records(DEVICES))
    snapshot.commit()
    // One of this app's own removals on ios-1, already in the history: its audit record is not counted again.
    db.prepare(
      `INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id, action, enrollment, state,
        agent_upn, verification_json, preconditions_json, device_json, eligibility_json, client_request_id,
        failure_code, requested_at, updated_at)
       VALUES ('a1', 'a1', 'p', 't', 'ios-1', 'removePasscode', 'iosDeviceEnrollment', 'notSent', 'me@x', '{}',
        '[]', '{}', '{}', 'crid-1', 'GRAPH_FORBIDDEN', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')`,
    ).run()
  })
  afterAll(() => {
    db.close()
    tmp.cleanup()
  })

  it('keeps passcode requests whose result is not Success, whatever the casing, and nothing else', () => {
    const found = passcodeFailures([
      event('ios-1', '2026-11-24T09:00:00Z'),
      event('ios-1', '2026-11-24T10:00:00Z', 'success'),
      event('ios-1', '2026-11-24T11:00:00Z', 'Failure', { activityType: 'RemoteLock ManagedDevice' }),
      event('ios-1', 'not a date'),
      { ...event('ios-1', '2026-11-24T12:00:00Z'), activityResult: null },
      null,
    ])
    expect(found).toEqual([
      {
        at: '2026-11-24T09:00:00Z',
        result: 'Failure',
        deviceIds: ['ios-1'],
        correlationId: 'corr-ios-1-2026-11-24T09:00:00Z',
      },
    ])
  })

  const read = (events: unknown[]): AuditRead => ({
    status: 'read',
    since: '2026-10-27T12:00:00.000Z',
    readAt: '2026-11-26T12:00:00.000Z',
    events: passcodeFailures(events),
  })

  it("counts this device's by result, the tenant's on cached devices allowing the same action, never our own twice", () => {
    const events = [
      event('ios-1', '2026-11-24T09:00:00Z'),
      event('ios-1', '2026-11-25T09:00:00Z'),
      event('ios-1', '2026-11-23T09:00:00Z', 'Error'),
      // Our own refused removal, two minutes after we recorded it.
      event('ios-1', '2026-11-20T10:02:00Z'),
      // Our own too, by its correlationId (the client-request-id we sent).
      event('ios-1', '2026-11-10T10:00:00Z', 'Failure', { correlationId: 'crid-1' }),
      event('ios-2', '2026-11-22T09:00:00Z'),
      // Not a removal device (no passcode action) and a device the cache does not hold.
      event('mac-1', '2026-11-22T09:00:00Z'),
      event('gone', '2026-11-22T09:00:00Z'),
    ]
    const facts = auditFacts.parse(auditFactsFor(db, read(events), 'ios-1', 'removePasscode'))
    expect(facts).toEqual({
      status: 'read',
      since: '2026-10-27T12:00:00.000Z',
      readAt: '2026-11-26T12:00:00.000Z',
      deviceFailures: [
        { result: 'Failure', count: 2, lastAt: '2026-11-25T09:00:00Z' },
        { result: 'Error', count: 1, lastAt: '2026-11-23T09:00:00Z' },
      ],
      tenantFailures: [{ result: 'Failure', count: 1, lastAt: '2026-11-22T09:00:00Z' }],
    })
    // From ios-2: ios-1's are the tenant's, except the two that are our own.
    expect(auditFactsFor(db, read(events), 'ios-2', 'removePasscode')).toMatchObject({
      deviceFailures: [{ result: 'Failure', count: 1 }],
      tenantFailures: [
        { result: 'Failure', count: 2 },
        { result: 'Error', count: 1 },
      ],
    })
    // A device allowing no action has nothing to compare with.
    expect(auditFactsFor(db, read(events), 'mac-1', null)).toMatchObject({ tenantFailures: [] })
  })

  it('passes a read that did not happen through as it is', () => {
    expect(auditFactsFor(db, { status: 'notRead', code: 'OFFLINE' }, 'ios-1', 'removePasscode')).toEqual({
      status: 'notRead',
      code: 'OFFLINE',
    })
  })

  it('looks our own actions and the devices up through indexes (EXPLAIN QUERY PLAN)', () => {
    const plan = (sql: string, params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan(OWN_ACTION_SQL, ['ios-1', 'x', 'a', 'b'])).toMatch(
      /SEARCH actions USING INDEX actions_by_device/,
    )
    const devices = plan(DEVICE_ACTIONS_SQL, ['["ios-1"]'])
    expect(devices).toMatch(/SEARCH devices USING (COVERING )?INDEX \w+ \(id=\?\)/)
    expect(devices).not.toMatch(/SCAN devices/)
  })
})

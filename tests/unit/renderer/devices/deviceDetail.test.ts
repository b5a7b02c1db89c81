import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import { PAGE_SIZE, useDeviceSearchStore } from '@renderer/stores/deviceSearch'
import { useDeviceDetailStore } from '@renderer/stores/deviceDetail'
import { fake, flush } from './fake-client'
import { ok, row } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

function detail(id: string, deviceName: string): DeviceDetail {
  return {
    id,
    deviceName,
    user: {
      userPrincipalName: 'helene@contoso.fr',
      userDisplayName: 'Hélène Durand',
      emailAddress: null,
      phoneNumber: null,
    },
    hardware: {
      model: 'iPhone 15',
      manufacturer: 'Apple',
      serialNumber: 'F2L',
      imei: null,
      meid: null,
      deviceType: 'iPhone',
    },
    management: {
      operatingSystem: 'iOS',
      osVersion: '18.1',
      deviceEnrollmentType: 'appleBulkWithUser',
      managementAgent: 'mdm',
      ownership: 'company',
      managementState: 'managed',
      joinType: null,
      isSupervised: true,
      enrolledDateTime: null,
      lastSyncDateTime: '2026-11-26T10:00:00Z',
    },
    compliance: { complianceState: 'compliant' },
    eligibility: {
      verdict: 'eligible',
      action: 'removePasscode',
      enrollment: 'iosDeviceEnrollment',
      reasons: ['iosDeviceEnrollmentSupported'],
      preconditions: ['deviceOnline'],
      outcome: 'passcodeRemoved',
      sources: [],
    },
    cachedAt: '2026-11-26T11:00:00Z',
    source: 'beta',
    raw: {},
  }
}

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('useDeviceDetailStore', () => {
  it('shows the device the agent opened last, whatever order the answers arrive in', async () => {
    const store = useDeviceDetailStore()
    void store.load('a')
    void store.load('b')
    const [first, second] = fake.take('devices:get')
    second!.resolve(ok(detail('b', 'B')))
    await flush()
    first!.resolve(ok(detail('a', 'A')))
    await flush()
    expect(store.detail?.id).toBe('b')
    expect(store.loading).toBe(false)
  })

  it('keeps NOT_FOUND as the load error', async () => {
    const store = useDeviceDetailStore()
    void store.load('gone')
    fake.take('devices:get')[0]!.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'no' } })
    await flush()
    expect(store.detail).toBeNull()
    expect(store.error?.code).toBe('NOT_FOUND')
  })

  it('refresh updates the detail and the matching result row', async () => {
    const search = useDeviceSearchStore()
    void search.runSearch()
    fake
      .take('devices:search')[0]!
      .resolve(
        ok({ rows: [row('a', 'Old name')], total: 1, offset: 0, limit: PAGE_SIZE, queryTruncated: false }),
      )
    await flush()

    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'Old name')))
    await flush()
    const refreshed = store.refresh()
    expect(store.refreshing).toBe(true)
    fake.take('devices:refresh')[0]!.resolve(ok(detail('a', 'New name')))
    expect(await refreshed).toBe('updated')
    expect(store.detail?.deviceName).toBe('New name')
    expect(search.rowAt(0)?.deviceName).toBe('New name')
  })

  it('refresh keeps the cached record and the error when Graph cannot be reached', async () => {
    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'Cached')))
    await flush()
    const refreshed = store.refresh()
    fake.take('devices:refresh')[0]!.resolve({ ok: false, error: { code: 'OFFLINE', message: 'no network' } })
    expect(await refreshed).toBe('failed')
    expect(store.detail?.deviceName).toBe('Cached')
    expect(store.refreshError?.code).toBe('OFFLINE')
  })

  it('refresh reports a device Intune no longer has, and the results are searched again', async () => {
    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'Cached')))
    await flush()
    const refreshed = store.refresh()
    fake
      .take('devices:refresh')[0]!
      .resolve({ ok: false, error: { code: 'GRAPH_NOT_FOUND', message: 'gone' } })
    expect(await refreshed).toBe('gone')
    expect(fake.take('devices:search')).toHaveLength(1)
  })

  it('refresh refused by a scope tag keeps the device, shows the mark and badges its result row', async () => {
    const search = useDeviceSearchStore()
    void search.runSearch()
    fake
      .take('devices:search')[0]!
      .resolve(
        ok({ rows: [row('a', 'Cached')], total: 1, offset: 0, limit: PAGE_SIZE, queryTruncated: false }),
      )
    await flush()
    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'Cached')))
    await flush()
    const refreshed = store.refresh()
    fake
      .take('devices:refresh')[0]!
      .resolve({ ok: false, error: { code: 'GRAPH_OUT_OF_SCOPE', message: 'scope tag' } })
    await flush()
    const marked: DeviceDetail = {
      ...detail('a', 'Cached'),
      outOfScope: {
        agentUpn: 'agent@contoso.fr',
        deniedAt: '2026-11-26T12:00:00Z',
        requestId: null,
        activityId: null,
      },
    }
    fake.take('devices:get')[0]!.resolve(ok(marked))
    expect(await refreshed).toBe('outOfScope')
    expect(store.detail?.outOfScope).toBeTruthy()
    expect(search.rowAt(0)?.outOfScope).toBe(true)
    // Not gone: the results are not searched again.
    expect(fake.take('devices:search')).toHaveLength(0)
  })

  it('drops a refresh answer for a device the agent has already left', async () => {
    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'A')))
    await flush()
    const refreshed = store.refresh()
    void store.load('b')
    fake.take('devices:get')[0]!.resolve(ok(detail('b', 'B')))
    fake.take('devices:refresh')[0]!.resolve(ok(detail('a', 'A, refreshed')))
    expect(await refreshed).toBe('failed')
    expect(store.detail?.deviceName).toBe('B')
    expect(store.refreshing).toBe(false)
  })

  it('refuses a second refresh while one is running', async () => {
    const store = useDeviceDetailStore()
    void store.load('a')
    fake.take('devices:get')[0]!.resolve(ok(detail('a', 'A')))
    await flush()
    void store.refresh()
    expect(await store.refresh()).toBe('failed')
    expect(fake.take('devices:refresh')).toHaveLength(1)
  })
})

// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRecord } from '@shared/api/schemas/actions'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import { DEFAULT_SETTINGS } from '@shared/api/schemas/settings'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { useWalkthroughStore } = await import('@renderer/stores/walkthrough')

const device = {
  id: 'd1',
  deviceName: 'Pixel de Zoé',
  user: { userDisplayName: 'Zoé Bélanger', userPrincipalName: 'zbelanger@contoso.example' },
  outOfScope: null,
  eligibility: {
    verdict: 'eligible',
    action: 'resetPasscode',
    preconditions: ['workProfileResetTokenActivated'],
  },
} as unknown as DeviceDetail
const sent = (over: Partial<ActionRecord> = {}) =>
  ({ id: 'a1', deviceId: 'd1', state: 'pending', ...over }) as ActionRecord

function answer(extra: (channel: string, input: unknown) => unknown = () => undefined) {
  client.current.call.mockImplementation(async (channel, input) => {
    const special = extra(channel, input)
    if (special) return special
    if (channel === 'devices:get' || channel === 'devices:refresh') return { ok: true, value: device }
    if (channel === 'actions:availability')
      return { ok: true, value: { available: true, reason: null, agentUpn: 'a@contoso.example' } }
    if (channel === 'actions:issue') return { ok: true, value: sent() }
    return { ok: true, value: {} }
  })
}
const issued = () =>
  client.current.call.mock.calls.filter(([c]) => c === 'actions:issue').map(([, input]) => input)

describe('useWalkthroughStore: steps', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    setActivePinia(createPinia())
  })

  it('walks the seven steps only as each is answered; the script must be read; the send records it', async () => {
    answer()
    const store = useWalkthroughStore()
    await store.start('d1')
    await vi.waitFor(() => expect(store.availability?.available).toBe(true))

    // Step 1: the team policy requires the employee id (DEFAULT_SETTINGS).
    expect(store.blocked).toEqual({ kind: 'verify', checks: ['employeeId'] })
    await store.primary()
    expect(store.step).toBe('verify')
    store.callerName = ' Zoé Bélanger '
    store.checks = ['employeeId']
    await store.primary()
    expect(store.step).toBe('device')

    store.deviceConfirmed = { model: true, serial: true, checkIn: false }
    await store.primary()
    expect(store.step).toBe('device')
    store.deviceConfirmed = { model: true, serial: true, checkIn: true }
    await store.primary()

    expect(store.blocked).toEqual({ kind: 'preconditions' })
    store.preconditions = ['workProfileResetTokenActivated']
    await store.primary()
    expect(store.step).toBe('script')

    expect(store.blocked).toEqual({ kind: 'script' })
    await store.primary()
    expect(store.step).toBe('script')
    store.scriptRead = true
    await store.primary()
    expect(store.step).toBe('confirm')

    // The ticket is required by default; Back works before the send.
    expect(store.blocked).toEqual({ kind: 'ticket' })
    store.back()
    expect(store.step).toBe('script')
    await store.primary()
    store.ticket = ' INC-0042 '
    await store.primary()
    expect(store.step).toBe('status')
    expect(issued()).toEqual([
      expect.objectContaining({
        ticketReference: 'INC-0042',
        verification: { checks: ['employeeId'], callerName: 'Zoé Bélanger', scriptRead: true },
        preconditionsConfirmed: ['workProfileResetTokenActivated'],
      }),
    ])
    // Sent: no going back.
    expect(store.canGoBack).toBe(false)
    store.back()
    expect(store.step).toBe('status')
  })

  it('a ticket that does not match the organisation’s TicketPattern keeps Send disabled, and is never sent', async () => {
    // Core merges the managed TicketPattern into the policy it returns (DESIGN §3).
    const managed = {
      ...DEFAULT_SETTINGS,
      policy: { ...DEFAULT_SETTINGS.policy, requiredChecks: [], ticketPattern: '^INC-\\d{4}$' },
    }
    answer((channel) => (channel === 'settings:get' ? { ok: true, value: managed } : undefined))
    const { useSettingsStore } = await import('@renderer/stores/settings')
    await useSettingsStore().load()
    const store = useWalkthroughStore()
    await store.start('d1')
    await vi.waitFor(() => expect(store.availability?.available).toBe(true))
    store.step = 'confirm'
    store.ticket = 'REQ 12'
    expect(store.blocked).toEqual({ kind: 'ticketFormat' })
    await store.primary()
    expect(store.step).toBe('confirm')
    expect(issued()).toEqual([])
    store.ticket = 'INC-0042'
    expect(store.blocked).toBeNull()
  })

  it('a record made before the script was recorded reopens with the box unticked, not assumed', async () => {
    const old = sent({
      state: 'done',
      callerName: null,
      verification: { checks: ['employeeId'] },
      preconditionsConfirmed: [],
      ticketReference: null,
      outcomeNote: null,
      finishedAt: null,
    })
    answer((channel) =>
      channel === 'actions:get' ? { ok: true, value: { action: old, transitions: [] } } : undefined,
    )
    const store = useWalkthroughStore()
    await store.start('d1', { existingActionId: 'a1' })
    expect(store.step).toBe('status')
    expect(store.scriptRead).toBe(false)

    answer((channel) =>
      channel === 'actions:get'
        ? {
            ok: true,
            value: { action: { ...old, verification: { checks: [], scriptRead: true } }, transitions: [] },
          }
        : undefined,
    )
    await store.start('d1', { existingActionId: 'a1' })
    expect(store.scriptRead).toBe(true)
  })

  it('a device outside the agent’s scope blocks the first step and nothing is issued', async () => {
    const marked = { ...device, outOfScope: { since: '2026-12-01T10:00:00.000Z' } } as unknown as DeviceDetail
    answer((channel) =>
      channel === 'devices:get' || channel === 'devices:refresh' ? { ok: true, value: marked } : undefined,
    )
    const store = useWalkthroughStore()
    await store.start('d1')
    store.checks = ['employeeId']
    expect(store.blocked).toEqual({ kind: 'outOfScope' })
    await store.primary()
    expect(store.step).toBe('verify')
    expect(issued()).toEqual([])
  })
})

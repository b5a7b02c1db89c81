// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRecord } from '@shared/api/schemas/actions'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { createFakeClient, type FakeClient } from '../fake-client'
import { mountPart } from './mount'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { default: WalkthroughCard } = await import('@renderer/views/walkthrough/WalkthroughCard.vue')
const { useWalkthroughStore } = await import('@renderer/stores/walkthrough')
const { useActionsStore } = await import('@renderer/stores/actions')

const SENT = '2026-12-01T14:10:00.000Z'
const device = (lastSyncDateTime: string | null) =>
  ({
    id: 'd1',
    deviceName: 'iPhone de Maëlys',
    user: { userDisplayName: 'Maëlys Béranger' },
    outOfScope: null,
    management: { lastSyncDateTime },
    eligibility: {
      verdict: 'eligible',
      action: 'removePasscode',
      outcome: 'passcodeRemoved',
      preconditions: [],
    },
  }) as unknown as DeviceDetail
const record = (over: Partial<ActionRecord>) =>
  ({
    id: 'a1',
    deviceId: 'd1',
    action: 'removePasscode',
    enrollment: 'iosDeviceEnrollment',
    state: 'pending',
    sentAt: SENT,
    requestedAt: SENT,
    updatedAt: SENT,
    lastCheckedAt: null,
    hasPasscode: false,
    intuneErrorCode: null,
    failureCode: null,
    graphRequestId: 'req-1',
    clientRequestId: 'c-1',
    verification: { checks: [], scriptRead: true },
    preconditionsConfirmed: [],
    ticketReference: null,
    callerName: null,
    outcomeNote: null,
    finishedAt: null,
    ...over,
  }) as ActionRecord

async function showStatus(action: ActionRecord, lastCheckIn: string | null, locale: 'fr' | 'en' = 'en') {
  client.current.call.mockImplementation(async (channel) => {
    if (channel === 'actions:get') return { ok: true, value: { action, transitions: [] } }
    if (channel === 'devices:get' || channel === 'devices:refresh')
      return { ok: true, value: device(lastCheckIn) }
    return { ok: true, value: {} }
  })
  const wrapper = mountPart(WalkthroughCard, { locale, props: { sendShortcut: 'Ctrl+Enter' } })
  await useWalkthroughStore().start('d1', { existingActionId: action.id })
  await flushPromises()
  return wrapper
}
const refreshes = () => client.current.call.mock.calls.filter(([c]) => c === 'devices:refresh').length

describe('StepStatus while the action is pending', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    vi.useFakeTimers({ now: Date.parse(SENT) + 5 * 60_000, toFake: ['setInterval', 'clearInterval', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)(
    're-reads the device: not checked in since the send, with the times and the caller’s steps (%s)',
    async (locale, messages) => {
      const wrapper = await showStatus(record({}), '2026-11-01T08:00:00.000Z', locale)
      expect(wrapper.find('[data-testid="step-lead"]').text()).toBe(messages.walkthrough.status.lead)
      const fact = wrapper.find('[data-testid="checkin-not-since"]')
      expect(fact.exists()).toBe(true)
      // The send's time and the last check-in, both as dates the agent can read.
      expect(fact.text()).toMatch(/2026/)
      expect(fact.text()).toMatch(locale === 'fr' ? /nov\./ : /Nov/)
      const steps = wrapper.findAll('[data-testid="caller-steps"] li').map((li) => li.attributes('data-step'))
      expect(steps).toEqual(['switchOn', 'connect', 'openCompanyPortal', 'sync'])
      expect(wrapper.text()).toContain(messages.pendingAdvice.steps.openCompanyPortal)
      expect(wrapper.find('[data-testid="device-read-at"]').exists()).toBe(true)
      expect(wrapper.find('[data-testid="escalation"]').exists()).toBe(false)
    },
  )

  it('a check-in in the same minute as the send: both times with their seconds, so the fact reads true', async () => {
    // Checked in at 14:10:20, sent at 14:10:50: to the minute both read 14:10.
    const wrapper = await showStatus(
      record({ sentAt: '2026-12-01T14:10:50.000Z' }),
      '2026-12-01T14:10:20.000Z',
    )
    const fact = wrapper.find('[data-testid="checkin-not-since"]').text()
    expect(fact).toMatch(/:10:50/)
    expect(fact).toMatch(/:10:20/)
    // Minutes apart: no seconds (the usual short time).
    document.body.innerHTML = ''
    const apart = await showStatus(record({}), '2026-11-01T08:00:00.000Z')
    expect(apart.find('[data-testid="checkin-not-since"]').text()).not.toMatch(/:\d\d:\d\d/)
  })

  it('keeps re-reading the device every two minutes while pending, and stops once Intune answers', async () => {
    await showStatus(record({}), null)
    const first = refreshes()
    await vi.advanceTimersByTimeAsync(2 * 60_000)
    expect(refreshes()).toBe(first + 1)
    useActionsStore().put(record({ state: 'done', completedAt: SENT }))
    await flushPromises()
    await vi.advanceTimersByTimeAsync(6 * 60_000)
    expect(refreshes()).toBe(first + 1)
  })

  it('a check-in after the send, still pending after Intune had time to report: escalate to the Intune administrators', async () => {
    const wrapper = await showStatus(record({}), '2026-12-01T14:12:00.000Z')
    expect(wrapper.find('[data-testid="checkin-since"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="caller-steps"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="escalation"]').exists()).toBe(false)
    await vi.advanceTimersByTimeAsync(20 * 60_000)
    await flushPromises()
    const escalation = wrapper.find('[data-testid="escalation"]')
    expect(escalation.attributes('data-reason')).toBe('pendingAfterCheckIn')
    expect(escalation.find('[data-testid="escalation-to"]').text()).toBe(
      en.pendingAdvice.escalate.to.intuneAdministrators,
    )
  })
})

describe('StepStatus once Intune answered', () => {
  beforeEach(() => {
    client.current = createFakeClient()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('iOS removal failed: wipe per Microsoft’s guidance, escalated to the Intune administrators', async () => {
    const wrapper = await showStatus(record({ state: 'failed' }), SENT)
    const escalation = wrapper.find('[data-testid="escalation"]')
    expect(escalation.attributes('data-reason')).toBe('removalFailed')
    expect(escalation.text()).toContain(en.pendingAdvice.escalate.reason.removalFailed)
    expect(escalation.text()).toMatch(/wipe the device/)
    expect(wrapper.find('[data-testid="caller-steps"]').exists()).toBe(false)
  })

  it.each([
    ['en', en, /3 days/],
    ['fr', fr, /3 jours/],
  ] as const)(
    'Multi Admin Approval: the lead, who approves, and when the request expires (%s)',
    async (locale, messages, days) => {
      const wrapper = await showStatus(record({ state: 'awaitingApproval' }), SENT, locale)
      const lead = wrapper.find('[data-testid="step-lead"]').text()
      expect(lead).toBe(messages.walkthrough.status.leadApproval)
      expect(lead).not.toBe(messages.walkthrough.status.lead)
      expect(wrapper.find('[data-testid="escalation"]').attributes('data-to')).toBe('approvalApprover')
      expect(wrapper.find('[data-testid="approval-expires"]').text()).toMatch(/4/)
      expect(wrapper.find('[data-advice="awaitingApproval"]').text()).toMatch(days)
      // Nothing to ask the caller, and no re-read of the device: it is not what the action waits for.
      expect(wrapper.find('[data-testid="caller-steps"]').exists()).toBe(false)
      expect(refreshes()).toBe(1)
    },
  )
})

// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HistoryFilters } from '@shared/api/schemas/history'
import en from '@renderer/i18n/en.json'
import { createFakeClient, type FakeClient } from '../fake-client'
import { mountPart } from '../walkthrough/mount'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { default: HistoryFilterForm } = await import('@renderer/components/history/HistoryFilterForm.vue')
const { useHistoryStore } = await import('@renderer/stores/history')

/** History opened from a Readiness failure-reason bar (readinessCharts.ts failuresChart). */
const FROM_BAR: HistoryFilters = {
  from: '2026-11-30T23:00:00.000Z',
  to: '2026-12-02T23:00:00.000Z',
  states: ['failed'],
  reason: { failureCode: null, intuneErrorCode: -2016345060 },
}

function mountWith(filters: HistoryFilters, locale: 'fr' | 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  useHistoryStore().setFilters(filters)
  const wrapper = mountPart(HistoryFilterForm, { locale, pinia })
  return { wrapper, store: useHistoryStore() }
}

/** The filters of every history:list call core received, in order. */
const listed = () =>
  client.current.call.mock.calls
    .filter(([channel]) => channel === 'history:list')
    .map(([, input]) => (input as { filters: HistoryFilters }).filters)

describe('History filters: a failure reason', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    client.current.call.mockResolvedValue({ ok: true, value: { rows: [], total: 0 } })
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('shows the reason a Readiness bar set, sends it with its range, and one click removes only it', async () => {
    const { wrapper, store } = mountWith(FROM_BAR, 'fr')
    await flushPromises()
    const chip = wrapper.find('[data-testid="history-reason"]')
    expect(chip.text()).toContain('Motif\u00a0: Code d’erreur Intune -2016345060')
    expect(chip.attributes('aria-label')).toBe(
      'Retirer le filtre de motif\u00a0: Code d’erreur Intune -2016345060',
    )
    // The form keeps the bar's filters as they came (range included): core is asked for them.
    expect(store.filters).toEqual(FROM_BAR)
    expect(listed().at(-1)).toEqual(FROM_BAR)

    await chip.trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="history-reason"]').exists()).toBe(false)
    const { reason: _removed, ...rest } = FROM_BAR
    expect(store.filters).toEqual(rest)
    expect(listed().at(-1)).toEqual(rest)
  })

  it.each([
    [{ failureCode: 'GRAPH_FORBIDDEN', intuneErrorCode: null }, 'Reason: GRAPH_FORBIDDEN'],
    [{ failureCode: null, intuneErrorCode: null }, 'Reason: no error code'],
  ] as const)('names this app’s code, or no code at all (%j)', async (reason, text) => {
    const { wrapper } = mountWith({ states: ['notSent'], reason }, 'en')
    await flushPromises()
    const chip = wrapper.find('[data-testid="history-reason"]')
    expect(chip.text()).toContain(text)
    // This app's code also in words, on hover.
    expect(chip.attributes('title')).toBe(
      reason.failureCode === null ? undefined : en.errors[reason.failureCode],
    )
  })

  it('keeps a range given by its start only (the palette’s last 7 days), up to today', async () => {
    const from = new Date(Date.now() - 7 * 86_400_000).toISOString()
    const { store } = mountWith({ from }, 'en')
    await flushPromises()
    const today = new Date()
    today.setHours(0, 0, 0, 0)
    const to = new Date(today.getTime() + 86_400_000).toISOString()
    expect(store.filters).toEqual({ from, to })
    expect(listed().at(-1)).toEqual({ from, to })
  })

  it('shows no reason chip without a reason', async () => {
    const { wrapper } = mountWith({ states: ['failed'] }, 'en')
    await flushPromises()
    expect(wrapper.find('[data-testid="history-reason"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="history-states"]').exists()).toBe(true)
  })
})

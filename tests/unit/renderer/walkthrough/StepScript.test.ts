// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
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

const { default: StepScript } = await import('@renderer/views/walkthrough/StepScript.vue')
const { default: WalkthroughNav } = await import('@renderer/views/walkthrough/WalkthroughNav.vue')
const { useWalkthroughStore } = await import('@renderer/stores/walkthrough')

const withOutcome = (outcome: string) =>
  ({
    id: 'd1',
    eligibility: { verdict: 'eligible', outcome, action: 'resetPasscode', preconditions: [] },
  }) as unknown as DeviceDetail

describe('StepScript', () => {
  beforeEach(() => {
    client.current = createFakeClient()
  })
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('reads out the sentences of the outcome, one per line (%s)', async (locale, messages) => {
    const wrapper = mountPart(StepScript, { locale })
    const store = useWalkthroughStore()
    store.detail = withOutcome('passcodeRemoved')
    await nextTick()
    const script = messages.walkthrough.script.passcodeRemoved as Record<string, string>
    const expected = Object.keys(script)
      .filter((k) => /^l\d$/.test(k))
      .sort()
      .map((k) => script[k])
    const lines = wrapper.findAll('[data-testid="caller-script"] p').map((p) => p.text())
    expect(lines.length).toBeGreaterThan(0)
    expect(lines).toEqual(expected)
    expect(wrapper.text()).toContain(script.intro)
    expect(wrapper.find('[data-testid="caller-script"]').attributes('data-outcome')).toBe('passcodeRemoved')
  })

  it('ticking "I have read this to the caller" is what lets the agent move on', async () => {
    const wrapper = mountPart(
      {
        components: { StepScript, WalkthroughNav },
        template: '<div><StepScript /><WalkthroughNav send-shortcut="Ctrl+Enter" /></div>',
      },
      { locale: 'en' },
    )
    const store = useWalkthroughStore()
    store.detail = withOutcome('temporaryWorkProfilePasscode')
    store.step = 'script'
    await nextTick()
    const next = () => wrapper.find('[data-testid="walkthrough-next"]')
    expect(next().attributes('disabled')).toBeDefined()
    expect(wrapper.find('#walkthrough-blocked').text()).toBe(en.walkthrough.blocked.script)

    await wrapper.find('[data-testid="script-read"]').trigger('click')
    expect(store.scriptRead).toBe(true)
    expect(next().attributes('disabled')).toBeUndefined()
    expect(wrapper.find('#walkthrough-blocked').exists()).toBe(false)
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createPinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import GraphErrorNotice from '@renderer/components/intune/GraphErrorNotice.vue'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import type { AppError } from '@shared/errors'
/**
 * The details core produces for Microsoft's samples (asserted against the fixtures in
 * tests/unit/electron/core/graph/intune-error.test.ts): the renderer only reads them.
 */
const FROM_FIXTURE: Record<string, AppError> = {
  'nested-unknown-error-forbidden.json': {
    code: 'GRAPH_FORBIDDEN',
    message: 'Graph answered HTTP 403',
    detail: {
      status: 403,
      graphCode: 'UnknownError',
      requestId: '0f6b1d2c-3e4a-4b5c-8d9e-0a1b2c3d4e5f',
      clientRequestId: 'c',
      attempts: 1,
      intuneCode: 'Forbidden',
      intuneMessage: 'An error has occurred',
      activityId: 'ce80e7e8-8a96-4c03-898c-d85f9cdf805a',
    },
  },
  'scope-tag-404.json': {
    code: 'GRAPH_OUT_OF_SCOPE',
    message: 'Graph answered HTTP 404',
    detail: {
      status: 404,
      graphCode: 'ResourceNotFound',
      requestId: '6c3a1f0e-2b7d-4d0a-9e51-1f2a3b4c5d6e',
      intuneMessage: 'Resource does not contain a tag allowed by the current role.',
      activityId: '985f047b-47bd-4312-9542-73f313b0ee72',
    },
  },
  'approval-required-403.json': {
    code: 'APPROVAL_REQUIRED',
    message: 'Graph answered HTTP 403',
    detail: {
      status: 403,
      graphCode: 'ApprovalRequired',
      requestId: '3b9e7c1a-5d2f-4e8b-a6c4-9f0e1d2c3b4a',
      intuneMessage: 'This operation requires Multi Admin Approval.',
      activityId: '5e2d9c71-3a4b-4c8d-9e0f-1a2b3c4d5e6f',
      approvalCode: 'a1f3c9e2-7b4d-4f60-9c1e-2d8b7a6f5e43',
    },
  },
}
const errorFrom = (name: string): AppError => FROM_FIXTURE[name]!

function render(error: AppError, locale: 'fr' | 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { fr, en } })
  const Host = defineComponent(() => () => h(NMessageProvider, null, () => h(GraphErrorNotice, { error })))
  return mount(Host, { global: { plugins: [i18n, createPinia()] } })
}

describe('GraphErrorNotice', () => {
  it.each(['fr', 'en'] as const)(
    'unwraps a nested UnknownError into a sentence, a next step and the ids (%s)',
    (locale) => {
      const messages = locale === 'fr' ? fr : en
      const wrapper = render(errorFrom('nested-unknown-error-forbidden.json'), locale)
      expect(wrapper.text()).toContain(messages.errors.GRAPH_FORBIDDEN)
      expect(wrapper.find('[data-testid="graph-error-next"]').text()).toBe(
        messages.intuneErrors.next.GRAPH_FORBIDDEN,
      )
      expect(wrapper.find('[data-testid="graph-error-intune"]').text()).toContain(
        'Forbidden — An error has occurred',
      )
      expect(wrapper.find('[data-testid="support-activityId"]').text()).toBe(
        'ce80e7e8-8a96-4c03-898c-d85f9cdf805a',
      )
      expect(wrapper.find('[data-testid="support-requestId"]').text()).toBe(
        '0f6b1d2c-3e4a-4b5c-8d9e-0a1b2c3d4e5f',
      )
      expect(wrapper.find('[data-testid="copy-support-ids"]').exists()).toBe(true)
      // The raw JSON never reaches the screen.
      expect(wrapper.text()).not.toContain('_version')
    },
  )

  it.each(['fr', 'en'] as const)(
    'says a scope-tag 404 is outside the agent’s scope, not deleted (%s)',
    (locale) => {
      const messages = locale === 'fr' ? fr : en
      const wrapper = render(errorFrom('scope-tag-404.json'), locale)
      expect(wrapper.find('[data-code]').attributes('data-code')).toBe('GRAPH_OUT_OF_SCOPE')
      expect(wrapper.text()).toContain(messages.errors.GRAPH_OUT_OF_SCOPE)
      expect(wrapper.text()).not.toContain(messages.errors.GRAPH_NOT_FOUND)
    },
  )

  it.each(['fr', 'en'] as const)(
    'tells who approves and that approval requests expire after 3 days (%s)',
    (locale) => {
      const messages = locale === 'fr' ? fr : en
      const wrapper = render(errorFrom('approval-required-403.json'), locale)
      expect(wrapper.text()).toContain(messages.errors.APPROVAL_REQUIRED)
      expect(wrapper.find('[data-testid="graph-error-next"]').text()).toMatch(/3 (days|jours)/)
    },
  )

  it('French sentences put a no-break space before colons', () => {
    const strings = JSON.stringify(fr.intuneErrors)
    expect(strings).not.toMatch(/ :/)
    expect(strings).toMatch(/\u00a0:/)
  })
})

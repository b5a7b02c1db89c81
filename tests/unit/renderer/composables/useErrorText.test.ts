// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { useErrorText } from '@renderer/composables/useErrorText'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import type { AppError } from '@shared/errors'

function render(
  error: Pick<AppError, 'code' | 'detail'> | null,
  locale: 'fr' | 'en',
  extra: Record<string, unknown> = {},
) {
  const i18n = createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { fr: { ...fr, ...extra }, en: { ...en, ...extra } },
    missingWarn: false,
    fallbackWarn: false,
  })
  const Probe = defineComponent(() => {
    const errorText = useErrorText()
    return () => h('p', errorText(error))
  })
  return mount(Probe, { global: { plugins: [i18n] } }).text()
}

describe('useErrorText', () => {
  it('shows the catalogue sentence for the code in the active language', () => {
    expect(render({ code: 'OFFLINE' }, 'fr')).toBe(fr.errors.OFFLINE)
    expect(render({ code: 'OFFLINE' }, 'en')).toBe(en.errors.OFFLINE)
  })

  it('interpolates the error detail', () => {
    const extra = { errors: { ...en.errors, GRAPH_THROTTLED: 'Retry in {retryAfter} s' } }
    expect(render({ code: 'GRAPH_THROTTLED', detail: { retryAfter: 30 } }, 'en', extra)).toBe('Retry in 30 s')
  })

  it('falls back to a generic sentence for a code this renderer does not know', () => {
    expect(render({ code: 'SOMETHING_NEW' as AppError['code'] }, 'en')).toBe(en.errors.UNKNOWN)
  })

  it('renders nothing without an error', () => {
    expect(render(null, 'en')).toBe('')
  })
})

// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import { useGraphErrorText } from '@renderer/composables/useGraphErrorText'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import type { AppError } from '@shared/errors'
import { useAuthStore } from '@renderer/stores/auth'
import { fake } from '../devices/fake-client'

vi.mock('@renderer/api/client', async () => ({ api: (await import('../devices/fake-client')).fake.api }))

function render(error: Pick<AppError, 'code' | 'detail'>, locale: 'fr' | 'en') {
  const i18n = createI18n({ legacy: false, locale, messages: { fr, en }, missingWarn: false })
  const Probe = defineComponent(() => {
    const text = useGraphErrorText()
    return () => h('p', text(error))
  })
  return mount(Probe, { global: { plugins: [i18n] } }).text()
}

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('useGraphErrorText', () => {
  it('names Intune, not Passcode Desk, when Graph cannot be reached or is silent', () => {
    expect(render({ code: 'OFFLINE' }, 'fr')).toBe(fr.sync.graphUnreachable)
    expect(render({ code: 'OFFLINE' }, 'fr')).not.toContain('Passcode Desk')
    expect(render({ code: 'TIMEOUT', detail: { seconds: 8 } }, 'fr')).toBe(
      'Intune n’a pas répondu dans les 8 secondes. Réessayez dans un instant.',
    )
    expect(render({ code: 'TIMEOUT', detail: { seconds: 8 } }, 'en')).toBe(
      'Intune did not answer within 8 seconds. Try again in a moment.',
    )
  })

  it('says "sign in", not "your session expired", while core says nobody is signed in', () => {
    expect(useAuthStore().status).toBeNull()
    fake.emit('auth:changed', { state: 'signedOut', agent: null, permissionReason: 'signedOut' })
    expect(render({ code: 'AUTH_REQUIRED' }, 'fr')).toBe(fr.trust.signedOut.required)
    expect(render({ code: 'AUTH_REQUIRED' }, 'en')).not.toMatch(/expired/)
  })

  it('keeps "session expired" for an agent whose session did exist', () => {
    useAuthStore()
    fake.emit('auth:changed', { state: 'reauthRequired', agent: null, permissionReason: 'signedOut' })
    expect(render({ code: 'AUTH_REQUIRED' }, 'en')).toBe(en.errors.AUTH_REQUIRED)
  })
})

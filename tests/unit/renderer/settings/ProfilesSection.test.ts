// @vitest-environment happy-dom
// Settings › Tenant profiles with managed settings (DESIGN §3): a preset profile is tagged "set by
// your organisation" with no Edit/Remove, and "Add a profile" is replaced by a sentence when the
// organisation turns adding off. Core refuses both anyway (tests/unit/electron/core/policy).
import { flushPromises, mount } from '@vue/test-utils'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))
const ProfilesSection = (await import('@renderer/views/settings/ProfilesSection.vue')).default

const PRESET = {
  id: 'm-0123abcd-0000-4000-8000-000000000001',
  name: 'Contoso Helpdesk',
  kind: 'tenant',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  cloud: 'global',
  active: false,
  builtIn: false,
  managed: true,
}
const OWN = { ...PRESET, id: 'p-11111111-2222-4333-8444-555555555555', name: 'Fabrikam', managed: undefined }
const DEMO = {
  ...PRESET,
  id: 'demo',
  name: 'Demo',
  kind: 'demo',
  active: true,
  builtIn: true,
  managed: undefined,
}

function answer(allowAdd: boolean | undefined) {
  client.current.call.mockImplementation(async (channel) => {
    switch (channel) {
      case 'profiles:list':
        return { ok: true, value: { activeId: 'demo', profiles: [DEMO, PRESET, OWN] } }
      case 'policy:get':
        return {
          ok: true,
          value: {
            values: allowAdd === undefined ? {} : { AllowAddProfiles: allowAdd },
            sources: allowAdd === undefined ? {} : { AllowAddProfiles: 'HKLM' },
            problems: [],
          },
        }
      default:
        return { ok: false, error: { code: 'OFFLINE', message: 'not in this test' } }
    }
  })
}

async function render(locale: 'fr' | 'en') {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { fr, en } })
  const Host = defineComponent(
    () => () => h(NDialogProvider, null, () => h(NMessageProvider, null, () => h(ProfilesSection))),
  )
  const wrapper = mount(Host, { global: { plugins: [i18n] } })
  client.current.setState('connected')
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  client.current = createFakeClient()
  setActivePinia(createPinia())
})

describe('ProfilesSection with managed settings', () => {
  it.each(['fr', 'en'] as const)(
    'tags the preset read-only and hides “Add” when adding is off (%s)',
    async (locale) => {
      const messages = locale === 'fr' ? fr : en
      answer(false)
      const wrapper = await render(locale)
      const preset = wrapper.find(`[data-testid="profile-${PRESET.id}"]`)
      expect(preset.find(`[data-testid="profile-managed-${PRESET.id}"]`).text()).toBe(messages.managed.setBy)
      expect(preset.find(`[data-testid="profile-edit-${PRESET.id}"]`).exists()).toBe(false)
      expect(preset.find(`[data-testid="profile-remove-${PRESET.id}"]`).exists()).toBe(false)
      expect(preset.find(`[data-testid="profile-activate-${PRESET.id}"]`).exists()).toBe(true)
      // The agent's own profile stays theirs to edit or remove.
      expect(wrapper.find(`[data-testid="profile-edit-${OWN.id}"]`).exists()).toBe(true)
      expect(wrapper.find(`[data-testid="profile-managed-${OWN.id}"]`).exists()).toBe(false)
      expect(wrapper.find('[data-testid="profiles-add"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="profiles-add-disabled"]').text()).toBe(messages.profiles.addDisabled)
    },
  )

  it('offers “Add a profile” when the organisation allows it or says nothing', async () => {
    for (const allowAdd of [true, undefined]) {
      setActivePinia(createPinia())
      answer(allowAdd)
      const wrapper = await render('en')
      expect(wrapper.find('[data-testid="profiles-add"]').exists(), String(allowAdd)).toBe(true)
      expect(wrapper.find('[data-testid="profiles-add-disabled"]').exists()).toBe(false)
      wrapper.unmount()
    }
  })
})

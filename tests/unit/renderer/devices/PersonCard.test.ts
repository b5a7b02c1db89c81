// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Person } from '@shared/api/schemas/person'
import PersonCard from '@renderer/components/devices/PersonCard.vue'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const person: Person = {
  userPrincipalName: 'helene.durand@contoso.example',
  userDisplayName: 'Hélène Durand',
  emailAddress: 'Helene.Durand@contoso.example',
  phoneNumber: '+33 6 95 52 41 84',
  devices: [
    {
      id: 'd-new',
      deviceName: 'iPhone de Hélène',
      model: 'iPhone 15',
      manufacturer: 'Apple',
      operatingSystem: 'iOS',
      osVersion: '18.1',
      lastSyncDateTime: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      enrollmentKind: 'iosDeviceEnrollment',
      verdict: 'eligible',
      action: 'removePasscode',
    },
    {
      id: 'd-never',
      deviceName: null,
      model: null,
      manufacturer: null,
      operatingSystem: 'Android',
      osVersion: null,
      lastSyncDateTime: null,
      enrollmentKind: 'unknown',
      verdict: 'undetermined',
      action: null,
      outOfScope: true,
    },
  ],
  moreDevices: false,
}

async function render(locale: 'fr' | 'en', shown: Person = person) {
  const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { fr, en } })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/devices', name: 'devices', component: { render: () => null } },
      { path: '/devices/:id', name: 'device', component: { render: () => null } },
    ],
  })
  await router.push('/devices')
  const wrapper = mount(PersonCard, {
    props: { person: shown },
    global: { plugins: [i18n, createPinia(), router] },
  })
  return { wrapper, router }
}

describe('PersonCard', () => {
  it('names the person, says the sign-in name once, and asks which device is locked (fr)', async () => {
    const { wrapper } = await render('fr')
    expect(wrapper.get('[data-testid="person-name"]').text()).toBe('Hélène Durand')
    const contact = wrapper.findAll('.contact span').map((s) => s.text())
    // The e-mail differs from the sign-in name only by case: said once.
    expect(contact).toEqual(['helene.durand@contoso.example', '+33 6 95 52 41 84'])
    expect(wrapper.get('[data-testid="person-ask"]').text()).toBe(
      '2\u00a0appareils dans le cache. Demandez à la personne qui appelle lequel est verrouillé.',
    )
    const checkIns = wrapper.findAll('[data-testid="person-device-checkin"]').map((s) => s.text())
    // Intl spaces the number as it likes (U+00A0 or U+202F); the label's colon takes U+00A0.
    expect(checkIns[0]).toMatch(/^Dernier archivage\u00a0: il y a 2\sheures$/)
    expect(checkIns[1]).toBe('Dernier archivage\u00a0: Jamais')
    // Out of scope says so instead of a verdict.
    expect(wrapper.findAll('[data-testid="person-device"]')[1]!.find('[data-verdict]').exists()).toBe(false)
  })

  it('asks to confirm the one device when there is only one (en)', async () => {
    const { wrapper } = await render('en', { ...person, devices: person.devices.slice(0, 1) })
    expect(wrapper.get('[data-testid="person-ask"]').text()).toBe(
      '1 device in the cache. Check with the caller that this is the locked device.',
    )
  })

  it('opens a device with the person as the caller', async () => {
    const { wrapper, router } = await render('en')
    await wrapper.findAll('[data-testid="person-device"]')[0]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('device')
    expect(router.currentRoute.value.params.id).toBe('d-new')
    expect(router.currentRoute.value.query.caller).toBe('Hélène Durand')
  })
})

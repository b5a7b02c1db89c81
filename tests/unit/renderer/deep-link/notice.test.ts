// @vitest-environment happy-dom
// A refused deep link is said on screen (DESIGN §3 "deep links"): from the Electron host's
// `links:take` ({ refused }) and from the browser host's fragment, by reason, in fr and en, and
// never with the link's own text. A link that is followed clears an earlier refusal.
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'
import { DEEP_LINK_REJECTIONS, parseDeepLink } from '@shared/deep-link'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { installDeepLinks } = await import('@renderer/deep-link')
const { useDeepLinkNoticeStore } = await import('@renderer/stores/deepLinkNotice')
const DeepLinkNotice = (await import('@renderer/deep-link/DeepLinkNotice.vue')).default

const HOSTILE = 'passcode-desk://device?serial=%3Cscript%3Ealert(1)%3C%2Fscript%3E'

function testRouter() {
  const view = { render: () => null }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', redirect: '/devices' },
      { path: '/devices', name: 'devices', component: view },
      { path: '/devices/:id', name: 'device', component: view },
    ],
  })
}
const fakeWindow = () =>
  ({
    location: { hash: '', pathname: '/', search: '' },
    history: { state: null, replaceState() {} },
  }) as unknown as Window

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('refused deep links', () => {
  it('Electron host: a { refused } from links:take shows the notice; a followed link clears it', async () => {
    client.current = createFakeClient({ transport: 'electron' })
    let next: unknown = { refused: 'unknownParameter' }
    client.current.call.mockImplementation(async (channel) =>
      channel === 'links:take' ? { ok: true, value: next } : { ok: true, value: { rows: [], total: 0 } },
    )
    const router = testRouter()
    await router.push('/devices')
    installDeepLinks(router, null, fakeWindow())
    const notice = useDeepLinkNoticeStore()
    await vi.waitFor(() => expect(notice.refused).toBe('unknownParameter'))
    expect(router.currentRoute.value.name).toBe('devices')
    next = { by: 'id', value: '0f6b1d2c-3e4a-4b5c-8d9e-0a1b2c3d4e5f' }
    client.current.emit('links:opened', {})
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('device'))
    expect(notice.refused).toBeNull()
  })

  it('browser host: a hostile link in the fragment shows its reason and navigates nowhere', async () => {
    client.current = createFakeClient({ transport: 'browser' })
    const router = testRouter()
    await router.push('/devices')
    installDeepLinks(router, parseDeepLink(HOSTILE), fakeWindow())
    await vi.waitFor(() => expect(useDeepLinkNoticeStore().refused).toBe('badValue'))
    expect(router.currentRoute.value.fullPath).toBe('/devices')
    expect(client.current.call).not.toHaveBeenCalled()
  })

  it.each(['fr', 'en'] as const)('says every reason in words, never the link (%s)', async (locale) => {
    client.current = createFakeClient()
    const messages = locale === 'fr' ? fr : en
    const i18n = createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { fr, en } })
    const wrapper = mount(DeepLinkNotice, { global: { plugins: [i18n] } })
    const notice = useDeepLinkNoticeStore()
    expect(wrapper.find('[data-testid="deep-link-refused"]').exists()).toBe(false)
    for (const reason of DEEP_LINK_REJECTIONS) {
      notice.show(reason)
      await wrapper.vm.$nextTick()
      const shown = wrapper.find('[data-testid="deep-link-refused"]')
      expect(shown.attributes('data-reason')).toBe(reason)
      expect(shown.attributes('role')).toBe('alert')
      expect(shown.text()).toContain(messages.deepLinkNotice.title)
      expect(shown.text()).toContain(messages.deepLinkNotice.reasons[reason])
      expect(shown.html()).not.toContain('script')
    }
    await wrapper.find('button').trigger('click')
    expect(notice.refused).toBeNull()
  })
})

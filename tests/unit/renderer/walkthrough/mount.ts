import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { defineComponent, h, type Component } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { NDialogProvider, NMessageProvider } from 'naive-ui'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'

/**
 * Mounts one walkthrough part with the real catalogues, a real Pinia (the test fills the store)
 * and a memory router, inside Naive's message and dialog providers. The api client is mocked by
 * the test file (vi.mock) before anything imports a store.
 */
export function mountPart(
  part: Component,
  options: { locale?: 'fr' | 'en'; pinia?: Pinia; props?: Record<string, unknown> } = {},
) {
  const pinia = options.pinia ?? createPinia()
  setActivePinia(pinia)
  const i18n = createI18n({
    legacy: false,
    locale: options.locale ?? 'en',
    fallbackLocale: 'en',
    messages: { fr, en },
  })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'devices', component: { render: () => null } },
      { path: '/history', name: 'history', component: { render: () => null } },
    ],
  })
  const Host = defineComponent(
    () => () => h(NMessageProvider, null, () => h(NDialogProvider, null, () => h(part, options.props))),
  )
  return mount(Host, { global: { plugins: [i18n, pinia, router] }, attachTo: document.body })
}

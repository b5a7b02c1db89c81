// @vitest-environment happy-dom
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, onMounted, ref } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { usePageFocus } from '@renderer/composables/usePageFocus'

/** A page with a heading; a page that focuses its own field; a page whose heading comes later. */
const Titled = defineComponent(() => () => h('h1', 'History'))
const SelfFocus = defineComponent(() => {
  const input = ref<HTMLInputElement | null>(null)
  onMounted(() => input.value?.focus())
  return () => h('div', [h('h1', 'Devices'), h('input', { ref: input, 'data-testid': 'search' })])
})
const Late = defineComponent(() => {
  const ready = ref(false)
  onMounted(() => setTimeout(() => (ready.value = true), 50))
  return () => (ready.value ? h('h1', 'Device') : h('p', 'Loading'))
})

async function frames(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(null)))
}

let wrapper: ReturnType<typeof mount> | null = null
afterEach(() => wrapper?.unmount())

async function setup() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/titled', component: Titled },
      { path: '/self', component: SelfFocus },
      { path: '/late', component: Late },
    ],
  })
  const Frame = defineComponent(() => {
    const main = ref<HTMLElement | null>(null)
    usePageFocus(main)
    return () => h('main', { ref: main, tabindex: -1 }, [h(RouterView)])
  })
  await router.push('/self')
  wrapper = mount(Frame, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return router
}

describe('usePageFocus', () => {
  it('moves the focus to the new page’s h1 (made focusable), not <body>', async () => {
    const router = await setup()
    await router.push('/titled')
    await flushPromises()
    await frames()
    expect(document.activeElement?.tagName).toBe('H1')
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1')
  })

  it('keeps the control a page focused itself', async () => {
    const router = await setup()
    await router.push('/titled')
    await flushPromises()
    await router.push('/self')
    await flushPromises()
    await frames()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search')
  })

  it('waits for a heading that shows once the page has loaded', async () => {
    const router = await setup()
    await router.push('/late')
    await flushPromises()
    await frames(2)
    expect(document.activeElement?.tagName).not.toBe('H1')
    await new Promise((r) => setTimeout(r, 120))
    await frames()
    expect(document.activeElement?.textContent).toBe('Device')
  })
})

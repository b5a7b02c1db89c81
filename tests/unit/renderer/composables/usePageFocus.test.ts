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
/** A page that marks its search box as where the page focus goes (DevicesView does). */
const Marked = defineComponent(
  () => () => h('div', [h('h1', 'Devices'), h('input', { 'data-page-focus': '', 'data-testid': 'marked' })]),
)
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
      { path: '/marked', component: Marked },
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

  it('prefers the page’s [data-page-focus] element to an earlier h1', async () => {
    const router = await setup()
    await router.push('/marked')
    await flushPromises()
    await frames()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('marked')
    expect(document.activeElement?.hasAttribute('tabindex')).toBe(false)
  })

  it('asked again for the page it shows (a duplicated navigation), moves the focus to the page', async () => {
    const router = await setup()
    await router.push('/marked')
    await flushPromises()
    await frames()
    const outside = document.createElement('button')
    document.body.append(outside)
    outside.focus()
    await router.push('/marked')
    await flushPromises()
    await frames()
    expect(document.activeElement?.getAttribute('data-testid')).toBe('marked')
    outside.remove()
  })

  it('leaves the focus alone after a cancelled or aborted navigation', async () => {
    const router = await setup()
    router.beforeEach((to) => (to.path === '/titled' ? false : true))
    const outside = document.createElement('button')
    document.body.append(outside)
    outside.focus()
    await router.push('/titled')
    await flushPromises()
    await frames()
    expect(document.activeElement).toBe(outside)
    outside.remove()
  })
})

import { onBeforeUnmount, type Ref } from 'vue'
import { useRouter } from 'vue-router'

/** How long a view may take to show its heading (a device page waits for the cache). */
const WAIT_MS = 3_000

/**
 * After every navigation the focus goes to the new page (WCAG 2.4.3), never back to `<body>`: a view
 * that places it itself (the search box of Devices, the step heading of the walkthrough) keeps its
 * choice; otherwise the page's `[data-page-focus]` element or its `h1` takes it (made focusable for
 * that), as soon as it is on screen.
 * The first load is left alone: nothing was focused before it.
 */
export function usePageFocus(main: Readonly<Ref<HTMLElement | null>>): void {
  const router = useRouter()
  let run = 0

  const stop = router.afterEach((_to, from, failure) => {
    if (failure || from.matched.length === 0) return
    const id = ++run
    const before = document.activeElement
    const started = performance.now()
    const tick = () => {
      if (id !== run) return
      const root = main.value
      if (!root) return
      const active = document.activeElement
      const placed =
        active && active !== before && active !== root && active.isConnected && root.contains(active)
      if (placed) return
      const heading = root.querySelector<HTMLElement>('[data-page-focus], h1')
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
        heading.focus({ preventScroll: false })
        return
      }
      if (performance.now() - started > WAIT_MS) {
        root.focus()
        return
      }
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  onBeforeUnmount(stop)
}

import { onBeforeUnmount, type Ref } from 'vue'
import { isNavigationFailure, NavigationFailureType, useRouter } from 'vue-router'

/** How long a view may take to show its heading (a device page waits for the cache). */
const WAIT_MS = 3_000

/**
 * After every navigation the focus goes to the new page (WCAG 2.4.3), never back to `<body>`: a view
 * that places it itself (the search box of Devices, the step heading of the walkthrough) keeps its
 * choice; otherwise the page's `[data-page-focus]` element (preferred) or its `h1` takes it (made
 * focusable for that), as soon as it is on screen.
 *
 * A navigation to the page already shown counts too. The router calls it "duplicated" and mounts
 * nothing, so the view cannot place the focus itself: this happens when the agent clicks the side-bar
 * link of the current page, and when they click Settings then Devices quickly — Settings' chunk is
 * still loading, the second click lands on the current route, and the router cancels the first. The
 * agent still asked for the page, so the focus goes where opening it would put it (its
 * `[data-page-focus]` element), instead of staying on the side-bar link.
 * The first load is left alone: nothing was focused before it.
 */
export function usePageFocus(main: Readonly<Ref<HTMLElement | null>>): void {
  const router = useRouter()
  let run = 0

  const stop = router.afterEach((_to, from, failure) => {
    const duplicated = isNavigationFailure(failure, NavigationFailureType.duplicated)
    if ((failure && !duplicated) || from.matched.length === 0) return
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
      const target = root.querySelector<HTMLElement>('[data-page-focus]') ?? root.querySelector('h1')
      if (target) {
        if (!target.hasAttribute('tabindex') && !target.matches('input, textarea, select, button, a[href]'))
          target.setAttribute('tabindex', '-1')
        target.focus({ preventScroll: false })
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

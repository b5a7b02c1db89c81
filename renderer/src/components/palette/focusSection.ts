/** How long a lazily loaded Settings section may take to appear. */
const WAIT_MS = 3_000

/**
 * Brings a Settings section into view and puts the focus on its heading (`SettingsSection` gives it
 * the id `settings-<id>-title`), once the section's chunk has loaded. The page-focus rule
 * (usePageFocus) keeps a focus a view placed itself.
 */
export function focusSettingsSection(id: string): void {
  const started = performance.now()
  const tick = () => {
    const heading = document.getElementById(`settings-${id}-title`)
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.scrollIntoView({ block: 'start' })
      heading.focus({ preventScroll: true })
      return
    }
    if (performance.now() - started < WAIT_MS) requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
}

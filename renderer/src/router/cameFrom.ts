import type { Router } from 'vue-router'

/**
 * Whether the history entry before the current one is the route `name` (with these params when
 * given), so that a "back" button can go back (the page as it was left: results, scroll) only when
 * back leads where its label says, and navigate there otherwise. Reads the router's own history
 * state (`back`, kept by the hash and web histories the hosts use).
 */
export function cameFrom(router: Router, name: string, params: Record<string, string> = {}): boolean {
  const back = router.options.history.state.back
  if (typeof back !== 'string') return false
  const previous = router.resolve(back)
  return (
    previous.name === name && Object.entries(params).every(([key, value]) => previous.params[key] === value)
  )
}

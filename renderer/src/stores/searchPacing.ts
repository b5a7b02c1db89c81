/**
 * Pacing of search-as-you-type (DESIGN §5: the answer follows the keystroke). A fixed debounce
 * made every keystroke wait 80 ms even when core answers in 2. Instead:
 * - one first-page search at a time; keys typed while it runs are coalesced, and when it answers
 *   (its now stale answer is dropped) the newest text goes out at once;
 * - the next keystroke waits MAX_DEBOUNCE_MS for more keys only when answers have been slower than
 *   the gap between two keys of brisk typing (~5 keys/s), so a slow cache or a busy core gets one
 *   search per burst of keys instead of one per key.
 * Measured in tests/bench/keystroke.pw.ts.
 */

/** Answers faster than this (a key's interval at brisk typing) send the next search at once. */
export const FAST_ANSWER_MS = 100
/** The longest a keystroke ever waits before its search goes out. */
export const MAX_DEBOUNCE_MS = 80
/** Weight of the newest answer time in the running estimate. */
const NEWEST_WEIGHT = 0.5

export interface SearchPacing {
  /** How long a keystroke waits before its search goes out (0: at once). */
  delay(): number
  /** A first-page answer arrived after `ms`. */
  answered(ms: number): void
  /** Running estimate of the answer time; null before the first answer. */
  readonly recentMs: number | null
}

export function createSearchPacing(): SearchPacing {
  let recent: number | null = null
  return {
    delay() {
      return recent === null || recent <= FAST_ANSWER_MS ? 0 : MAX_DEBOUNCE_MS
    },
    answered(ms) {
      recent = recent === null ? ms : recent * (1 - NEWEST_WEIGHT) + ms * NEWEST_WEIGHT
    },
    get recentMs() {
      return recent
    },
  }
}

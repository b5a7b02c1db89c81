import { checkInWeek, weekWord } from '../store/device-facets'
import type { Built } from './search-sql'

/**
 * Words + "no check-in for N days" as FTS5 queries over the check-in week words
 * (store/device-facets.ts; DESIGN §5: every query class within budget). With T = now − N days and
 * B the week that holds T:
 * - devices of a week after B checked in at or after T: never old, whatever the time;
 * - devices of week B may be either side of T: only they need their exact time read;
 * - devices of a week before B are old.
 * So `definite` (base NOT weeks B…newest) is counted inside FTS5, `boundary` (base AND week B)
 * gives the devices whose check-in time is compared with T, and a page reads `match` (base NOT weeks after B) with the exact
 * check as `residual`, which only a boundary-week device can fail. The weeks come from the time of
 * the search, so the words stay right as time passes without a sync.
 */
export interface AgeQuery {
  /** Devices that may be old: the base NOT the weeks after the boundary week. */
  readonly match: string
  /** Devices that are old without reading their time. */
  readonly definite: string
  /** Devices of the boundary week, whose time decides. */
  readonly boundary: string
  /** The exact age check of filterSql (search-sql.ts), per devices row `d`. */
  readonly residual: Built
  /** now − N days (ms): older check-ins are old. */
  readonly threshold: number
}

/**
 * Weeks listed after NOT at most. "30 days" lists 5; the cap keeps a cache holding check-in times
 * far in the future (a wrong device clock) from growing the query: such a search takes the
 * match-table plan instead (search-plans.ts, filteredText).
 */
export const MAX_LISTED_WEEKS = 60

/**
 * The FTS5 expressions for `base` (words and filter words, search-sql.ts wordsAndFacets) and "no
 * check-in since `threshold`" (ms), given the newest check-in of the cache (null: none), or null
 * when the weeks to list are too many.
 */
export function ageQuery(base: string, threshold: number, newest: number | null): AgeQuery | null {
  const boundary = checkInWeek(threshold)
  const last = Math.max(boundary, checkInWeek(newest))
  if (threshold <= 0 || last - boundary + 1 > MAX_LISTED_WEEKS) return null
  const weeks = (from: number) => {
    const words: string[] = []
    for (let week = from; week <= last; week++) words.push(weekWord(week))
    return words.join(' OR ')
  }
  return {
    match: last > boundary ? `(${base}) NOT (${weeks(boundary + 1)})` : base,
    definite: `(${base}) NOT (${weeks(boundary)})`,
    boundary: `(${base}) AND ${weekWord(boundary)}`,
    residual: { sql: 'ifnull(+d.last_sync_ms, 0) < ?', params: [threshold] },
    threshold,
  }
}

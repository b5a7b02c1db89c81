import type Database from 'better-sqlite3'
import type { Handlers } from '../router'
import type { DeviceCache } from '../store/cache'
import { readFailureFacts } from './failure-facts'
import { createPersonLookup } from './person'

export interface CallerHandlerOptions {
  readonly now?: () => number
  /** The agent's locale (BCP 47), for phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
}

/**
 * Start from the caller and "before the click" (devices:person, devices:failureFacts): local reads
 * of the active profile's cache and history, no Graph call.
 */
export function createCallerHandlers(
  cache: DeviceCache,
  options: CallerHandlerOptions = {},
): Handlers<'devices:person' | 'devices:failureFacts'> {
  // One lookup (and its statement cache) per open database; a profile switch opens another.
  const lookups = new WeakMap<Database.Database, ReturnType<typeof createPersonLookup>>()
  const lookupFor = (db: Database.Database) => {
    let lookup = lookups.get(db)
    if (!lookup) lookups.set(db, (lookup = createPersonLookup(db, { locale: options.locale })))
    return lookup
  }
  return {
    'devices:person': ({ query }) => lookupFor(cache.db()).lookup(query),
    'devices:failureFacts': ({ id }) => readFailureFacts(cache.db(), id, { now: options.now }),
  }
}

import type Database from 'better-sqlite3'
import type { Handlers } from '../router'
import type { DeviceCache } from '../store/cache'
import { auditFactsFor } from './audit-failures'
import type { AuditReader } from './audit-read'
import { readFailureFacts } from './failure-facts'
import { createPersonLookup } from './person'

export interface CallerHandlerOptions {
  readonly now?: () => number
  /** The agent's locale (BCP 47), for phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
  /** Intune's audit log, read within a budget (audit-read.ts); without it the audit reads notRead. */
  readonly audit?: AuditReader
}

/**
 * Start from the caller and "before the click" (devices:person, devices:failureFacts): local reads
 * of the active profile's cache and history; the failure facts add Intune's audit log when it
 * answers within its budget, and say so when it does not (the local facts never wait longer).
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
    async 'devices:failureFacts'({ id }) {
      const db = cache.db()
      const local = readFailureFacts(db, id, { now: options.now })
      const read = options.audit
        ? await options.audit.read(db)
        : ({ status: 'notRead', code: 'NOT_IMPLEMENTED' } as const)
      // The profile may have switched while Intune answered: the facts stay those of this database.
      return { ...local, audit: auditFactsFor(db, read, id, local.action) }
    },
  }
}

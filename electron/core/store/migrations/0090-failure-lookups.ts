import type { Migration } from './types'

/**
 * Indexes for "what could make it fail" (devices:failureFacts): the tenant's earlier failures of one
 * passcode action by end state and reason, and every action Intune ever held for Multi Admin
 * Approval (domain §9), which stays in the transitions after the approval moves the action on.
 * Both are read per device page, so they must not scan the history. Frozen SQL.
 */
export const migration0090: Migration = {
  version: 90,
  name: '0090-failure-lookups',
  up(db) {
    db.exec(`
    CREATE INDEX actions_by_outcome ON actions (action, state, failure_code, device_id, requested_at);
    CREATE INDEX action_transitions_by_state ON action_transitions (state, at);
  `)
  },
}

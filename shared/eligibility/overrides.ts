/**
 * Rules checked before the platform table: each one makes any device ineligible, whatever its platform.
 * Rendered into README.md with the platform table (table.ts).
 */
import type { ReasonCode } from './codes'
import type { SourceId } from './sources'

/** Overrides read before the platform rule: they make any device ineligible. */
export interface OverrideRule {
  readonly id: string
  readonly field: 'managementState' | 'managementAgent'
  /** Lower-case Graph enum members. */
  readonly values: readonly string[]
  readonly reason: ReasonCode
  readonly sources: readonly SourceId[]
  readonly note: string
}

export const OVERRIDE_RULES: readonly OverrideRule[] = [
  {
    id: 'retire-pending',
    field: 'managementState',
    values: ['retirepending', 'retireissued'],
    reason: 'retirePending',
    sources: ['DM-ACTIONS'],
    note: '"Retire, Wipe, and Delete actions take precedence over all other actions… All other pending actions are ignored."',
  },
  {
    id: 'wipe-pending',
    field: 'managementState',
    values: ['wipepending', 'wipeissued'],
    reason: 'wipePending',
    sources: ['DM-ACTIONS'],
    note: 'Same precedence rule as retire.',
  },
  {
    id: 'delete-pending',
    field: 'managementState',
    values: ['deletepending'],
    reason: 'deletePending',
    sources: ['DM-ACTIONS'],
    note: 'Same precedence rule as retire.',
  },
  {
    id: 'eas-only',
    field: 'managementAgent',
    values: ['eas'],
    reason: 'exchangeActiveSyncOnly',
    sources: ['GRAPH-MANAGED-DEVICE'],
    note: 'Exchange ActiveSync only: no MDM channel to carry the command (domain §6). easMdm/easIntuneClient have one.',
  },
  {
    // Graph's managementState enum: "discovered — The device is discovered but not fully enrolled." A device
    // that is not enrolled has no MDM channel, like an EAS-only one; the record must not read as eligible.
    id: 'not-enrolled',
    field: 'managementState',
    values: ['discovered'],
    reason: 'deviceNotEnrolled',
    sources: ['GRAPH-MANAGED-DEVICE'],
    note: 'managementState "discovered": "discovered but not fully enrolled" (Graph enum): no MDM channel for the command.',
  },
  {
    id: 'partner-managed',
    field: 'managementAgent',
    values: ['jamf'],
    reason: 'managedByPartner',
    sources: ['GRAPH-MANAGED-DEVICE'],
    note: '[INFERRED] Enrolled in a partner MDM (Jamf); Intune only receives its compliance data and cannot send MDM commands.',
  },
]

/** A last sync older than this adds the `deviceNotSyncedRecently` precondition (warning, not a verdict). */
export const STALE_SYNC_DAYS = 7

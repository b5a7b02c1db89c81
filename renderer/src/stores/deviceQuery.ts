import type { DeviceDetail, DeviceFilters, DeviceRow, DeviceSearchInput } from '@shared/api/schemas/devices'

/**
 * What the agent asks the device search for, in the shape core takes (DESIGN §1: one search, core
 * decides the plan): sort choices, filter counts, and the row a refreshed device now has.
 */

/** Sort choices offered to the agent; `auto` = relevance with a query, device name without (core's default). */
export const SORT_CHOICES = [
  'auto',
  'deviceName',
  'userDisplayName',
  'lastSyncNewest',
  'lastSyncOldest',
] as const
export type SortChoice = (typeof SORT_CHOICES)[number]

export function sortInput(choice: SortChoice): DeviceSearchInput['sort'] {
  switch (choice) {
    case 'auto':
      return undefined
    case 'deviceName':
      return { field: 'deviceName', direction: 'asc' }
    case 'userDisplayName':
      return { field: 'userDisplayName', direction: 'asc' }
    case 'lastSyncNewest':
      return { field: 'lastSyncDateTime', direction: 'desc' }
    case 'lastSyncOldest':
      return { field: 'lastSyncDateTime', direction: 'asc' }
  }
}

/** The filters that are lists of values (chips with a menu of options). */
export type FilterListKey = 'enrollmentKinds' | 'verdicts' | 'ownership' | 'compliance'

/** Number of filter values the agent has set (for the "Clear filters" button and the empty state). */
export function activeFilterCount(filters: DeviceFilters): number {
  return (
    (filters.enrollmentKinds?.length ?? 0) +
    (filters.verdicts?.length ?? 0) +
    (filters.ownership?.length ?? 0) +
    (filters.compliance?.length ?? 0) +
    (filters.platforms?.length ?? 0) +
    (filters.lastCheckInOlderThanDays !== undefined ? 1 : 0)
  )
}

/** The list row a refreshed device now has (keeps the results in step with "Refresh from Intune"). */
export function rowFromDetail(detail: DeviceDetail): DeviceRow {
  return {
    id: detail.id,
    deviceName: detail.deviceName,
    userPrincipalName: detail.user.userPrincipalName,
    userDisplayName: detail.user.userDisplayName,
    operatingSystem: detail.management.operatingSystem,
    osVersion: detail.management.osVersion,
    model: detail.hardware.model,
    manufacturer: detail.hardware.manufacturer,
    serialNumber: detail.hardware.serialNumber,
    ownership: detail.management.ownership,
    complianceState: detail.compliance.complianceState,
    lastSyncDateTime: detail.management.lastSyncDateTime,
    enrollmentKind: detail.eligibility.enrollment,
    verdict: detail.eligibility.verdict,
    action: detail.eligibility.action,
    ...(detail.outOfScope ? { outOfScope: true as const } : {}),
  }
}

/**
 * The documents the rules come from. Ids follow the short names of
 * shared/reference/intune-passcode-domain.md (header), plus the original product document (SEED-2018).
 */

export const SOURCE_IDS = [
  'SEED-2018',
  'MD-2022',
  'MD-2024',
  'MD-2025b',
  'RM-2026',
  'DM-ACTIONS',
  'ACTIONS-2026',
  'APPLE-CLEAR-PASSCODE',
  'GRAPH-MANAGED-DEVICE',
] as const
export type SourceId = (typeof SOURCE_IDS)[number]

export interface SourceRef {
  readonly id: SourceId
  readonly title: string
  readonly url: string
}

export const SOURCES: { readonly [K in SourceId]: SourceRef } = {
  // The original product document: a French translation (ms.date 03/29/2018) of MD-2018.
  'SEED-2018': {
    id: 'SEED-2018',
    title: 'Réinitialiser des codes secrets de l’appareil avec Microsoft Intune (2018)',
    url: 'https://docs.microsoft.com/fr-fr/intune/device-passcode-reset',
  },
  // memdocs device-passcode-reset.md@0021559e (ms.date 08/13/2022): last single page with the full tables.
  'MD-2022': {
    id: 'MD-2022',
    title: 'Reset or remove a device passcode in Intune (2022)',
    url: 'https://learn.microsoft.com/en-us/mem/intune/remote-actions/device-passcode-reset',
  },
  // Learn snapshot 2024: same tables plus the device-administrator deprecation note.
  'MD-2024': {
    id: 'MD-2024',
    title: 'Reset or remove a device passcode in Intune (2024, device administrator deprecation)',
    url: 'https://learn.microsoft.com/en-us/mem/intune/remote-actions/device-passcode-reset',
  },
  // memdocs intune/device-management/actions/reset-passcode.md@3bd1a1ab (ms.date 10/27/2025); same table as MD-2025a.
  // Its own Learn URL is unconfirmed (domain §1.1), so the URL is MD-2025a's published page (identical tables).
  'MD-2025b': {
    id: 'MD-2025b',
    title: 'Device action: reset passcode (2025)',
    url: 'https://learn.microsoft.com/en-us/intune/intune-service/remote-actions/device-passcode-reset',
  },
  // memdocs intune/device-management/actions/remove-passcode.md@a8720172 (ms.date 04/21/2026). URL: RM-2025's published
  // page (the newer page's Learn URL is unconfirmed, domain §1.1); RM-2025 still said "corporate-owned".
  'RM-2026': {
    id: 'RM-2026',
    title: 'Device action: remove passcode (2026)',
    url: 'https://learn.microsoft.com/en-us/intune/intune-service/remote-actions/device-remove-passcode',
  },
  // intune/intune-service/remote-actions/device-management.md@0a69076a: online prerequisite, retire/wipe/delete precedence.
  'DM-ACTIONS': {
    id: 'DM-ACTIONS',
    title: 'Remote device actions in Microsoft Intune: prerequisites and pending actions',
    url: 'https://learn.microsoft.com/en-us/intune/intune-service/remote-actions/device-management',
  },
  // memdocs intune/device-management/actions/index.md (ms.date 2026-04-30): the device-actions overview ticks
  // Remove passcode for iOS, iPadOS and visionOS, not tvOS (domain §9). Learn URL of the new tree, as for RM-2026.
  'ACTIONS-2026': {
    id: 'ACTIONS-2026',
    title: 'Device actions in Microsoft Intune: overview (2026)',
    url: 'https://learn.microsoft.com/en-us/intune/intune-service/remote-actions/device-management',
  },
  // apple/device-management mdm/commands/passcode.clear.yaml: ClearPasscode on iOS, iPadOS, visionOS 1.1+, watchOS 10+;
  // forbidden for User Enrollment; on iOS 16+ the cleared passcode is not added to the passcode history (domain §9).
  'APPLE-CLEAR-PASSCODE': {
    id: 'APPLE-CLEAR-PASSCODE',
    title: 'Apple device management: ClearPasscode command',
    url: 'https://github.com/apple/device-management/blob/release/mdm/commands/passcode.clear.yaml',
  },
  // Graph managedDevice (v1.0 + beta) properties and enums: reference/graph/managed-device-schema.json.
  'GRAPH-MANAGED-DEVICE': {
    id: 'GRAPH-MANAGED-DEVICE',
    title: 'Microsoft Graph managedDevice resource (beta)',
    url: 'https://learn.microsoft.com/en-us/graph/api/resources/intune-devices-manageddevice?view=graph-rest-beta',
  },
}

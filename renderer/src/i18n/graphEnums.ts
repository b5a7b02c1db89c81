/**
 * The Microsoft Graph managedDevice enums the UI displays, and their i18n keys (`graph.<enum>.<member>`).
 * Members are those of Microsoft's schema (shared/reference/graph/managed-device-schema.json: v1.0 enumTypes
 * ∪ beta enumMembers); a unit test keeps this list equal to the schema and checks both catalogues label
 * every member. French labels follow glossary-fr.md §2 (Microsoft's own French Intune terms).
 * complianceState, ownerType and actionState already have their own keys (devices.compliance,
 * devices.ownership, actions.state) and are mapped to them below.
 */
export const GRAPH_ENUMS = {
  deviceType: [
    'android',
    'androidEnterprise',
    'androidForWork',
    'androidnGMS',
    'blackberry',
    'chromeOS',
    'cloudPC',
    'desktop',
    'holoLens',
    'iPad',
    'iPhone',
    'iPod',
    'iSocConsumer',
    'linux',
    'mac',
    'macMDM',
    'nokia',
    'palm',
    'surfaceHub',
    'tvOS',
    'unix',
    'unknown',
    'visionOS',
    'winCE',
    'windows10x',
    'windowsPhone',
    'windowsRT',
    'winEmbedded',
    'winMO6',
  ],
  managementAgentType: [
    'configurationManagerClient',
    'configurationManagerClientMdm',
    'configurationManagerClientMdmEas',
    'eas',
    'easIntuneClient',
    'easMdm',
    'google',
    'googleCloudDevicePolicyController',
    'intuneAosp',
    'intuneClient',
    'jamf',
    'mdm',
    'microsoft365ManagedMdm',
    'msSense',
    'unknown',
    'unknownFutureValue',
  ],
  managementState: [
    'deletePending',
    'discovered',
    'managed',
    'retireCanceled',
    'retireFailed',
    'retireIssued',
    'retirePending',
    'unhealthy',
    'unknownFutureValue',
    'wipeCanceled',
    'wipeFailed',
    'wipeIssued',
    'wipePending',
  ],
  joinType: ['azureADJoined', 'azureADRegistered', 'hybridAzureADJoined', 'unknown'],
  deviceEnrollmentType: [
    'androidAOSPUserlessDeviceEnrollment',
    'androidAOSPUserOwnedDeviceEnrollment',
    'androidEnterpriseCorporateWorkProfile',
    'androidEnterpriseDedicatedDevice',
    'androidEnterpriseFullyManaged',
    'appleAccountDrivenUserEnrollment',
    'appleBulkWithoutUser',
    'appleBulkWithUser',
    'appleUserEnrollment',
    'appleUserEnrollmentWithServiceAccount',
    'azureAdJoinUsingAzureVmExtension',
    'deviceEnrollmentManager',
    'unknown',
    'unknownFutureValue',
    'userEnrollment',
    'windowsAutoEnrollment',
    'windowsAzureADJoin',
    'windowsAzureADJoinUsingDeviceAuth',
    'windowsBulkAzureDomainJoin',
    'windowsBulkUserless',
    'windowsCoManagement',
  ],
  complianceState: [
    'compliant',
    'configManager',
    'conflict',
    'error',
    'inGracePeriod',
    'noncompliant',
    'unknown',
  ],
  ownerType: ['company', 'personal', 'unknown'],
  actionState: ['active', 'canceled', 'done', 'failed', 'none', 'notSupported', 'pending'],
} as const satisfies Record<string, readonly string[]>

export type GraphEnumName = keyof typeof GRAPH_ENUMS

/** Enums whose labels live under older keys than `graph.<enum>`. */
const KEY_PREFIX: Partial<Record<GraphEnumName, string>> = {
  complianceState: 'devices.compliance',
  ownerType: 'devices.ownership',
  actionState: 'actions.state',
}

/** actionState `none` has no label of its own in actions.state: Intune shows it as not sent. */
const ALIAS: Partial<Record<GraphEnumName, Readonly<Record<string, string>>>> = {
  actionState: { none: 'notSent' },
}

/**
 * The i18n key for a Graph enum value, or null when Graph sent a member this schema does not know
 * (enums are evolvable, domain §2.2). Graph's casing varies between records (domain §9): matched
 * case-insensitively.
 */
export function graphEnumKey(name: GraphEnumName, value: string): string | null {
  const wanted = value.trim().toLowerCase()
  const member = (GRAPH_ENUMS[name] as readonly string[]).find((m) => m.toLowerCase() === wanted)
  if (!member) return null
  const key = ALIAS[name]?.[member] ?? member
  return `${KEY_PREFIX[name] ?? `graph.${name}`}.${key}`
}

/**
 * operatingSystem is a free string in Graph ("Windows, iOS, etc."), and Intune reports Android modes in it
 * ("AndroidForWork", "AndroidEnterprise", "AndroidAOSP"): the mode is shown by the enrollment column, so the
 * system is shown as the product name only.
 */
const OS_NAMES: Readonly<Record<string, string>> = {
  ios: 'iOS',
  ipados: 'iPadOS',
  android: 'Android',
  androidforwork: 'Android',
  androidenterprise: 'Android',
  androidaosp: 'Android',
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
  chromeos: 'ChromeOS',
  visionos: 'visionOS',
  tvos: 'tvOS',
}

export function operatingSystemName(value: string | null | undefined): string | null {
  if (!value || !value.trim()) return null
  return OS_NAMES[value.trim().toLowerCase()] ?? value.trim()
}

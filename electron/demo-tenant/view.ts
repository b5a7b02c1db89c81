/**
 * Projects a stored device onto what Graph serves for a version, a $select and a Prefer header.
 * Property lists and enum members follow Microsoft's metadata (shared reference
 * graph/managed-device-schema.json: v1.0 CSDL entity and beta type mappings).
 */

/** v1.0 managedDevice (CSDL), in declaration order; `id` comes from graph.entity. */
export const V1_PROPERTIES = [
  'id',
  'userId',
  'deviceName',
  'managedDeviceOwnerType',
  'enrolledDateTime',
  'lastSyncDateTime',
  'operatingSystem',
  'complianceState',
  'jailBroken',
  'managementAgent',
  'osVersion',
  'easActivated',
  'easDeviceId',
  'easActivationDateTime',
  'azureADRegistered',
  'deviceEnrollmentType',
  'activationLockBypassCode',
  'emailAddress',
  'azureADDeviceId',
  'deviceRegistrationState',
  'deviceCategoryDisplayName',
  'isSupervised',
  'exchangeLastSuccessfulSyncDateTime',
  'exchangeAccessState',
  'exchangeAccessStateReason',
  'remoteAssistanceSessionUrl',
  'remoteAssistanceSessionErrorDetails',
  'isEncrypted',
  'userPrincipalName',
  'model',
  'manufacturer',
  'imei',
  'complianceGracePeriodExpirationDateTime',
  'serialNumber',
  'phoneNumber',
  'androidSecurityPatchLevel',
  'userDisplayName',
  'configurationManagerClientEnabledFeatures',
  'wiFiMacAddress',
  'deviceHealthAttestationState',
  'subscriberCarrier',
  'meid',
  'totalStorageSpaceInBytes',
  'freeStorageSpaceInBytes',
  'managedDeviceName',
  'partnerReportedThreatState',
  'requireUserEnrollmentApproval',
  'managementCertificateExpirationDate',
  'iccid',
  'udid',
  'notes',
  'ethernetMacAddress',
  'physicalMemoryInBytes',
  'deviceActionResults',
  'managementState',
  'enrollmentProfileName',
] as const

/** Beta adds these (beta type mappings); the demo serves them under /beta only. */
export const BETA_ONLY_PROPERTIES = [
  'aadRegistered',
  'autopilotEnrolled',
  'azureActiveDirectoryDeviceId',
  'bootstrapTokenEscrowed',
  'chassisType',
  'chromeOSDeviceInfo',
  'cloudPcRemoteActionResults',
  'configurationManagerClientHealthState',
  'configurationManagerClientInformation',
  'deviceFirmwareConfigurationInterfaceManaged',
  'deviceType',
  'enrolledByUserPrincipalName',
  'hardwareInformation',
  'joinType',
  'lostModeState',
  'managementFeatures',
  'ownerType',
  'preferMdmOverGroupPolicyAppliedDateTime',
  'processorArchitecture',
  'retireAfterDateTime',
  'roleScopeTagIds',
  'securityPatchLevel',
  'skuFamily',
  'skuNumber',
  'specificationVersion',
  'usersLoggedOn',
  'windowsActiveMalwareCount',
  'windowsRemediatedMalwareCount',
] as const

export const BETA_PROPERTIES: readonly string[] = [...V1_PROPERTIES, ...BETA_ONLY_PROPERTIES]
const V1_SET: ReadonlySet<string> = new Set(V1_PROPERTIES)
const BETA_SET: ReadonlySet<string> = new Set(BETA_PROPERTIES)

/**
 * "To retrieve actual values GET call needs to be made, with device id and included in select
 * parameter" (TT descriptions, domain §2.1): in lists and plain GETs these come back empty.
 */
const SELECT_ONLY: Readonly<Record<string, unknown>> = {
  udid: null,
  iccid: null,
  ethernetMacAddress: null,
  notes: null,
  physicalMemoryInBytes: 0,
  activationLockBypassCode: null,
  hardwareInformation: null,
}

/** v1.0 deviceEnrollmentType members (CSDL); others exist only in beta. */
const V1_ENROLLMENT = new Set([
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'windowsBulkUserless',
  'windowsAutoEnrollment',
  'windowsBulkAzureDomainJoin',
  'windowsCoManagement',
  'windowsAzureADJoinUsingDeviceAuth',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'unknownFutureValue',
])
const V1_AGENTS = new Set([
  'eas',
  'mdm',
  'easMdm',
  'intuneClient',
  'easIntuneClient',
  'configurationManagerClient',
  'configurationManagerClientMdm',
  'configurationManagerClientMdmEas',
  'unknown',
  'jamf',
  'googleCloudDevicePolicyController',
  'microsoft365ManagedMdm',
  'msSense',
])

export type GraphVersion = 'v1.0' | 'beta'

export interface ViewOptions {
  readonly version: GraphVersion
  /** Request carried `Prefer: include-unknown-enum-members`. */
  readonly includeUnknownEnumMembers: boolean
  readonly select: readonly string[] | null
  /** Single-device GET (select-only properties get real values when selected). */
  readonly single: boolean
}

export function isKnownProperty(version: GraphVersion, name: string): boolean {
  return (version === 'v1.0' ? V1_SET : BETA_SET).has(name)
}

/**
 * Evolvable enums (Graph: members added after `unknownFutureValue` are returned only with
 * `Prefer: include-unknown-enum-members`; otherwise the value reads `unknownFutureValue`).
 * What the demo does, exactly:
 * - v1.0 deviceEnrollmentType: the Android Enterprise / AOSP / account-driven values (beta-only
 *   members) read `unknownFutureValue` without the header, the real value with it.
 * - v1.0 managementAgent: `intuneAosp` (beta-only; v1.0's enum has no unknownFutureValue) reads
 *   `unknown` without the header, `intuneAosp` with it.
 * - beta: every value the generator produces is a declared beta member, so the header changes nothing.
 * [INFERRED] Whether real Intune v1.0 behaves so is unconfirmed (domain §2.2); use beta to classify.
 */
export function mapEnums(record: Record<string, unknown>, version: GraphVersion, include: boolean): void {
  if (version !== 'v1.0' || include) return
  if (typeof record.deviceEnrollmentType === 'string' && !V1_ENROLLMENT.has(record.deviceEnrollmentType)) {
    record.deviceEnrollmentType = 'unknownFutureValue'
  }
  if (typeof record.managementAgent === 'string' && !V1_AGENTS.has(record.managementAgent))
    record.managementAgent = 'unknown'
}

/** Graph value for the mapped property (for $filter comparisons on what the client sees). */
export function project(device: Readonly<Record<string, unknown>>, o: ViewOptions): Record<string, unknown> {
  const names = o.select ?? (o.version === 'v1.0' ? V1_PROPERTIES : BETA_PROPERTIES)
  const out: Record<string, unknown> = {}
  if (!names.includes('id')) out.id = device.id // Graph always returns the key.
  for (const name of names) {
    const selectOnly = Object.prototype.hasOwnProperty.call(SELECT_ONLY, name)
    out[name] = selectOnly && !(o.single && o.select) ? SELECT_ONLY[name] : (device[name] ?? null)
  }
  mapEnums(out, o.version, o.includeUnknownEnumMembers)
  return out
}

export const preferIncludesUnknownEnums = (prefer: string | undefined): boolean =>
  (prefer ?? '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .includes('include-unknown-enum-members')

/**
 * Deterministic, lazy device generator: device i of seed s is a pure function of (s, i, reference
 * time), so 200,000 devices cost nothing until read and a page of 1000 costs a few ms. The Graph
 * record carries every beta property (values shaped like Intune's); hidden traits decide action
 * outcomes and are never served.
 */
import * as C from './catalog'
import {
  defaultName,
  findModel,
  isAndroid,
  isApple,
  KIND_WEIGHTS,
  modelFor,
  osVersionFor,
  shapeOf,
} from './device-shape'
import { DEMO_DOMAIN, foldAscii, personFor, personSuffix, upnOf, type Person } from './people'
import { hash32, hex8, luhnCheckDigit, mix32, rng } from './random'
import { SCENARIOS } from './scenarios'
import type { DeviceKind, DeviceTraits } from './types'

export { DEMO_DOMAIN, foldAscii, personFor, upnOf, type Person }
const DAY = 86_400_000
/** Graph's value for "no date" on non-nullable DateTimeOffset properties. */
export const NO_DATE = '0001-01-01T00:00:00Z'

export interface GeneratedDevice {
  /** Graph beta shape: every property, real values. */
  readonly graph: Record<string, unknown> & { id: string; deviceName: string }
  readonly traits: DeviceTraits
}

export function guidFrom(...parts: number[]): string {
  const base = hash32(...parts)
  const a = hex8(mix32(base, 1))
  const b = hex8(mix32(base, 2))
  const c = hex8(mix32(base, 3))
  const d = hex8(mix32(base, 4))
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[parseInt(c[0], 16) % 4]}${c.slice(1, 4)}-${c.slice(4)}${d}`
}

export function stringHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Odd multiplier and its inverse mod 2^32: a bijection that scrambles consecutive indices. */
const MUL = 0x9e3779b1
const MUL_INV = (() => {
  let x = MUL
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(MUL, x))
  return x >>> 0
})()

/** The device id encodes its index (scrambled) in the last 8 hex digits, so lookup is O(1). */
export function deviceIdFor(seed: number, index: number): string {
  const low = hex8(Math.imul((index ^ hash32(seed, 0x1d)) >>> 0, MUL))
  return guidFrom(seed, index, 0xd1ce).slice(0, 28) + low
}

export function indexFromDeviceId(seed: number, id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return undefined
  const index = (Math.imul(parseInt(id.slice(28), 16), MUL_INV) ^ hash32(seed, 0x1d)) >>> 0
  return deviceIdFor(seed, index) === id ? index : undefined
}

/** Random user u: bijective in u within a language, so UPNs never collide. */
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z'

export interface GeneratorContext {
  readonly seed: number
  readonly count: number
  /** Reference "now" (ms). */
  readonly now: number
}

/** Builds device `index` (pure). Indices below SCENARIOS.length are the named scenarios. */
export function generateDevice(ctx: GeneratorContext, index: number): GeneratedDevice {
  const r = rng(ctx.seed, index, 0x5eed)
  const scenario = index < SCENARIOS.length ? SCENARIOS[index] : undefined
  const kind: DeviceKind = scenario?.kind ?? r.weighted(KIND_WEIGHTS)
  const userless = scenario
    ? scenario.user === null
    : kind === 'androidDedicated' || kind === 'androidAospUserless'
  const userPool = Math.max(40, Math.floor(ctx.count * 0.62))
  const u = r.int(0, userPool - 1)
  const person: Person | null = userless ? null : (scenario?.user ?? personFor(u))
  const upn = person ? (scenario ? upnOf(person) : upnOf(person, personSuffix(u))) : ''
  const osVersion = scenario?.osVersion ?? osVersionFor(r, kind)
  const model = scenario ? findModel(scenario) : modelFor(r, kind, osVersion)
  const shape = shapeOf(r, kind, model)

  // Last check-in: most within days, a tail over months (stale devices never pick actions up).
  const band = r.weighted<readonly [number, number]>([
    [[0, 3], 70],
    [[3, 30], 20],
    [[30, 180], 10],
  ])
  const lastSyncAgo = (scenario ? scenario.lastSyncDaysAgo : band[0] + r.next() * (band[1] - band[0])) * DAY
  const lastSync = ctx.now - Math.round(lastSyncAgo)
  const enrolled = lastSync - Math.round((1 + r.next() * 900) * DAY)
  const managementState = scenario
    ? (scenario.managementState ?? 'managed')
    : r.weighted([
        ['managed', 970],
        ['retirePending', 12],
        ['wipePending', 6],
        ['retireIssued', 4],
        ['wipeIssued', 3],
        ['retireFailed', 2],
        ['wipeFailed', 2],
        ['deletePending', 1],
      ])
  const complianceState =
    scenario?.complianceState ??
    (shape.agent === 'configurationManagerClientMdm' && r.chance(0.2)
      ? 'configManager'
      : r.weighted([
          ['compliant', 76],
          ['noncompliant', 12],
          ['inGracePeriod', 4],
          ['unknown', 4],
          ['error', 2],
          ['conflict', 2],
        ]))

  const traits: DeviceTraits = {
    kind,
    unlockTokenValid: r.chance(0.95),
    resetTokenActivated: r.chance(0.8),
    passcodePolicyAssigned: r.chance(0.92),
    checksIn: lastSyncAgo < 14 * DAY,
    ...(scenario
      ? { unlockTokenValid: true, resetTokenActivated: true, passcodePolicyAssigned: true, checksIn: true }
      : {}),
    ...scenario?.traits,
  }

  const hasModem = model.tac !== '' && (kind !== 'androidDedicated' || r.chance(0.5))
  const imei = hasModem ? model.tac + r.digits(6) : ''
  const fr = person?.lang !== 'en'
  const id = deviceIdFor(ctx.seed, index)
  const userId = person ? guidFrom(stringHash(upn), 0xa11) : ''
  const serial = (model.serialPrefix + r.hex(16).toUpperCase()).slice(
    0,
    Math.max(model.serialLength, model.serialPrefix.length + 4),
  )
  const totalStorage = r.pick([32, 64, 128, 256, 512]) * 1_073_741_824
  const isMobile = isAndroid(kind) || isApple(kind)
  const deviceName = scenario?.deviceName ?? defaultName(r, kind, person, shape, enrolled, model)

  const graph = {
    id,
    userId,
    deviceName,
    managedDeviceOwnerType: shape.owner,
    ownerType: shape.owner,
    deviceActionResults: [] as unknown[],
    enrolledDateTime: iso(enrolled),
    lastSyncDateTime: iso(lastSync),
    chassisType: shape.chassis,
    operatingSystem: shape.operatingSystem,
    deviceType: shape.deviceType,
    complianceState,
    jailBroken: isMobile ? (r.chance(0.004) ? 'True' : 'False') : 'Unknown',
    managementAgent: shape.agent,
    osVersion,
    easActivated: isMobile && r.chance(0.6),
    easDeviceId: isMobile ? r.hex(32).toUpperCase() : '',
    easActivationDateTime: NO_DATE,
    aadRegistered: true,
    azureADRegistered: true,
    deviceEnrollmentType: shape.enrollment,
    lostModeState: 'disabled',
    activationLockBypassCode: null,
    emailAddress: person ? upn : '',
    azureActiveDirectoryDeviceId: guidFrom(ctx.seed, index, 0xaad),
    azureADDeviceId: guidFrom(ctx.seed, index, 0xaad),
    deviceRegistrationState: 'registered',
    deviceCategoryDisplayName: person ? r.pick(C.DEPARTMENTS) : 'Kiosques',
    isSupervised:
      shape.enrollment === 'appleBulkWithUser' ||
      kind === 'androidDedicated' ||
      kind === 'androidFullyManaged',
    exchangeLastSuccessfulSyncDateTime: NO_DATE,
    exchangeAccessState: 'none',
    exchangeAccessStateReason: 'none',
    remoteAssistanceSessionUrl: null,
    remoteAssistanceSessionErrorDetails: null,
    isEncrypted: kind !== 'linux' || r.chance(0.7),
    userPrincipalName: upn,
    model: model.model,
    manufacturer: model.manufacturer,
    imei: imei ? imei + luhnCheckDigit(imei) : '',
    complianceGracePeriodExpirationDateTime:
      complianceState === 'inGracePeriod' ? iso(ctx.now + 3 * DAY) : '9999-12-31T23:59:59Z',
    serialNumber: serial,
    phoneNumber:
      hasModem && person
        ? fr
          ? `+33 6 ${r.digits(2)} ${r.digits(2)} ${r.digits(2)} ${r.digits(2)}`
          : `+44 7${r.digits(3)} ${r.digits(6)}`
        : '',
    androidSecurityPatchLevel: isAndroid(kind)
      ? `20${r.int(22, 25)}-${String(r.int(1, 12)).padStart(2, '0')}-01`
      : '',
    securityPatchLevel: null,
    userDisplayName: person ? `${person.first} ${person.last}` : '',
    configurationManagerClientEnabledFeatures: null,
    wiFiMacAddress: r.hex(12),
    deviceHealthAttestationState: null,
    subscriberCarrier: hasModem ? (fr ? r.pick(C.CARRIERS_FR) : r.pick(C.CARRIERS_EN)) : '',
    meid: hasModem && model.manufacturer === 'Apple' && r.chance(0.3) ? r.hex(14).toUpperCase() : '',
    totalStorageSpaceInBytes: totalStorage,
    freeStorageSpaceInBytes: Math.floor(totalStorage * (0.05 + r.next() * 0.6)),
    managedDeviceName: `${upn ? upn.split('@')[0] : 'device'}_${shape.operatingSystem}_${iso(enrolled).slice(0, 10)}`,
    partnerReportedThreatState: 'unknown',
    retireAfterDateTime: NO_DATE,
    preferMdmOverGroupPolicyAppliedDateTime: NO_DATE,
    autopilotEnrolled: kind === 'windows' && r.chance(0.6),
    requireUserEnrollmentApproval: null,
    managementCertificateExpirationDate: iso(enrolled + 365 * DAY),
    iccid: hasModem ? '8933' + r.digits(15) : null,
    udid: isApple(kind) ? r.hex(40) : null,
    roleScopeTagIds: scenario?.roleScopeTagIds ? [...scenario.roleScopeTagIds] : ['0'],
    windowsActiveMalwareCount: 0,
    windowsRemediatedMalwareCount: 0,
    notes: null,
    configurationManagerClientHealthState: null,
    configurationManagerClientInformation: null,
    ethernetMacAddress: kind === 'windows' || kind === 'linux' ? r.hex(12) : null,
    physicalMemoryInBytes: 0,
    processorArchitecture: isMobile ? 'arM64' : kind === 'macos' ? 'arM64' : 'x64',
    specificationVersion: null,
    joinType: shape.joinType,
    skuFamily: '',
    skuNumber: 0,
    managementFeatures: 'none',
    chromeOSDeviceInfo: [],
    enrollmentProfileName:
      shape.enrollment === 'appleBulkWithUser'
        ? 'ADE - Contoso'
        : kind === 'androidDedicated'
          ? 'Kiosque entrepôt'
          : null,
    bootstrapTokenEscrowed: kind === 'macos',
    deviceFirmwareConfigurationInterfaceManaged: false,
    enrolledByUserPrincipalName: upn,
    usersLoggedOn: [],
    hardwareInformation: null,
    cloudPcRemoteActionResults: [],
    managementState,
  }
  return { graph, traits }
}

/** Convenience for tests: the first `count` devices of a seed (materialised). */
export function generateDevices(
  seed: number,
  count: number,
  now = Date.UTC(2026, 10, 26, 12),
): GeneratedDevice[] {
  const ctx: GeneratorContext = { seed, count, now }
  return Array.from({ length: count }, (_, i) => generateDevice(ctx, i))
}

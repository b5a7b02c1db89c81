/**
 * Deterministic, lazy device generator: device i of seed s is a pure function of (s, i, reference
 * time), so 200,000 devices cost nothing until read and a page of 1000 costs a few ms. The Graph
 * record carries every beta property (values shaped like Intune's); hidden traits decide action
 * outcomes and are never served.
 */
import * as C from './catalog'
import { hash32, hex8, luhnCheckDigit, mix32, rng, type Rng } from './random'
import { SCENARIOS, type ScenarioSpec } from './scenarios'
import type { DeviceKind, DeviceTraits } from './types'

export const DEMO_DOMAIN = 'contoso-demo.example'
const DAY = 86_400_000
/** Graph's value for "no date" on non-nullable DateTimeOffset properties. */
export const NO_DATE = '0001-01-01T00:00:00Z'

export interface GeneratedDevice {
  /** Graph beta shape: every property, real values. */
  readonly graph: Record<string, unknown> & { id: string; deviceName: string }
  readonly traits: DeviceTraits
}

export interface Person {
  readonly first: string
  readonly last: string
  readonly lang: 'fr' | 'en'
}

const folded = new Map<string, string>()

export function foldAscii(s: string): string {
  const hit = folded.get(s)
  if (hit !== undefined) return hit
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase()
  if (folded.size < 10_000) folded.set(s, out)
  return out
}

export function upnOf(p: Person, suffix = 0): string {
  return `${foldAscii(p.first)}.${foldAscii(p.last)}${suffix > 0 ? suffix : ''}@${DEMO_DOMAIN}`
}

/** A GUID-shaped id from hashes (stable per input). */
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
export function personFor(u: number): Person {
  const group = u % 3
  const k = Math.floor(u / 3)
  if (group < 2) {
    const k2 = k * 2 + group
    return {
      first: C.FRENCH_FIRST[k2 % C.FRENCH_FIRST.length],
      last: C.FRENCH_LAST[Math.floor(k2 / C.FRENCH_FIRST.length) % C.FRENCH_LAST.length],
      lang: 'fr',
    }
  }
  return {
    first: C.ENGLISH_FIRST[k % C.ENGLISH_FIRST.length],
    last: C.ENGLISH_LAST[Math.floor(k / C.ENGLISH_FIRST.length) % C.ENGLISH_LAST.length],
    lang: 'en',
  }
}

function personSuffix(u: number): number {
  const group = u % 3
  const k = Math.floor(u / 3)
  if (group < 2) return Math.floor((k * 2 + group) / (C.FRENCH_FIRST.length * C.FRENCH_LAST.length))
  return Math.floor(k / (C.ENGLISH_FIRST.length * C.ENGLISH_LAST.length))
}

const KIND_WEIGHTS: readonly (readonly [DeviceKind, number])[] = [
  ['iosDevice', 28],
  ['iosUserEnrollment', 3],
  ['androidWorkProfile', 14],
  ['androidCorporateWorkProfile', 6],
  ['androidFullyManaged', 8],
  ['androidDedicated', 5],
  ['androidDeviceAdministrator', 4],
  ['androidAospUserAssociated', 1.5],
  ['androidAospUserless', 1],
  ['windows', 20],
  ['macos', 7],
  ['linux', 2.5],
]

const isAndroid = (k: DeviceKind): boolean => k.startsWith('android')
const isApple = (k: DeviceKind): boolean => k === 'iosDevice' || k === 'iosUserEnrollment'

function androidVersion(r: Rng, kind: DeviceKind): string {
  switch (kind) {
    case 'androidDeviceAdministrator':
      // Both sides of the 7.0 boundary (MD-2018..MD-2022).
      return r.chance(0.45) ? r.pick(C.ANDROID_LEGACY) : r.pick([...C.ANDROID_7, '8.1.0', '9', '10'])
    case 'androidWorkProfile':
      // Both sides of the 8.0 boundary for work profiles (MD-2020/2022).
      return r.chance(0.08) ? r.pick(C.ANDROID_7) : r.pick(C.ANDROID_8_PLUS)
    case 'androidFullyManaged':
    case 'androidDedicated':
      return r.chance(0.04) ? '7.1.2' : r.pick(C.ANDROID_8_PLUS)
    case 'androidCorporateWorkProfile':
      return r.pick(C.ANDROID_RECENT)
    default:
      return r.pick(['10', '11', '12', '13'])
  }
}

interface Shape {
  operatingSystem: string
  deviceType: string
  enrollment: string
  agent: string
  owner: 'company' | 'personal'
  joinType: string
  chassis: string
}

function shapeOf(r: Rng, kind: DeviceKind, model: C.ModelSpec): Shape {
  // Literal objects only (no spreads): this runs once per generated device.
  switch (kind) {
    case 'iosDevice': {
      const ipad = model.model.startsWith('iPad')
      const ade = r.chance(0.7)
      return {
        operatingSystem: ipad ? 'iPadOS' : 'iOS',
        deviceType: ipad ? 'iPad' : 'iPhone',
        enrollment: ade ? 'appleBulkWithUser' : 'userEnrollment',
        agent: 'mdm',
        owner: ade ? 'company' : 'personal',
        chassis: ipad ? 'tablet' : 'phone',
        joinType: 'azureADRegistered',
      }
    }
    case 'iosUserEnrollment':
      return {
        chassis: 'phone',
        operatingSystem: 'iOS',
        deviceType: 'iPhone',
        enrollment: r.chance(0.5) ? 'appleUserEnrollment' : 'appleAccountDrivenUserEnrollment',
        agent: 'mdm',
        owner: 'personal',
        joinType: 'azureADRegistered',
      }
    case 'androidDeviceAdministrator':
      return {
        chassis: 'phone',
        operatingSystem: 'Android',
        deviceType: 'android',
        enrollment: 'userEnrollment',
        agent: 'mdm',
        owner: 'personal',
        joinType: 'azureADRegistered',
      }
    case 'androidWorkProfile':
      return {
        chassis: 'phone',
        operatingSystem: 'AndroidForWork',
        deviceType: 'androidForWork',
        enrollment: 'userEnrollment',
        agent: 'googleCloudDevicePolicyController',
        owner: 'personal',
        joinType: 'azureADRegistered',
      }
    case 'androidCorporateWorkProfile':
      return {
        chassis: 'phone',
        operatingSystem: 'AndroidEnterprise',
        deviceType: 'androidEnterprise',
        enrollment: 'androidEnterpriseCorporateWorkProfile',
        agent: 'googleCloudDevicePolicyController',
        owner: 'company',
        joinType: 'azureADRegistered',
      }
    case 'androidFullyManaged':
      return {
        chassis: 'phone',
        operatingSystem: 'AndroidEnterprise',
        deviceType: 'androidEnterprise',
        enrollment: 'androidEnterpriseFullyManaged',
        agent: 'googleCloudDevicePolicyController',
        owner: 'company',
        joinType: 'azureADRegistered',
      }
    case 'androidDedicated':
      return {
        joinType: 'unknown',
        chassis: 'phone',
        operatingSystem: 'AndroidEnterprise',
        deviceType: 'androidEnterprise',
        enrollment: 'androidEnterpriseDedicatedDevice',
        agent: 'googleCloudDevicePolicyController',
        owner: 'company',
      }
    case 'androidAospUserAssociated':
      return {
        joinType: 'unknown',
        operatingSystem: 'AndroidAOSP',
        deviceType: 'androidnGMS',
        enrollment: 'androidAOSPUserOwnedDeviceEnrollment',
        agent: 'intuneAosp',
        owner: 'company',
        chassis: 'unknown',
      }
    case 'androidAospUserless':
      return {
        joinType: 'unknown',
        operatingSystem: 'AndroidAOSP',
        deviceType: 'androidnGMS',
        enrollment: 'androidAOSPUserlessDeviceEnrollment',
        agent: 'intuneAosp',
        owner: 'company',
        chassis: 'unknown',
      }
    case 'windows': {
      const coManaged = r.chance(0.25)
      return {
        operatingSystem: 'Windows',
        deviceType: 'windowsRT',
        enrollment: coManaged
          ? 'windowsCoManagement'
          : r.pick(['windowsAzureADJoin', 'windowsAutoEnrollment']),
        agent: coManaged ? 'configurationManagerClientMdm' : 'mdm',
        owner: 'company',
        joinType: coManaged ? 'hybridAzureADJoined' : 'azureADJoined',
        chassis: model.model.includes('OptiPlex') ? 'desktop' : 'laptop',
      }
    }
    case 'macos':
      return {
        operatingSystem: 'macOS',
        deviceType: 'macMDM',
        enrollment: r.chance(0.8) ? 'appleBulkWithUser' : 'userEnrollment',
        agent: 'mdm',
        owner: 'company',
        joinType: 'azureADRegistered',
        chassis: model.model.startsWith('iMac') ? 'desktop' : 'laptop',
      }
    case 'linux':
      return {
        operatingSystem: 'Linux',
        deviceType: 'linux',
        enrollment: 'userEnrollment',
        agent: 'mdm',
        owner: 'company',
        joinType: 'azureADRegistered',
        chassis: 'laptop',
      }
  }
}

function modelFor(r: Rng, kind: DeviceKind, version: string): C.ModelSpec {
  switch (kind) {
    case 'iosDevice':
      return r.chance(0.15) ? r.pick(C.IPADS) : r.pick(C.IPHONES)
    case 'iosUserEnrollment':
      return r.pick(C.IPHONES)
    case 'androidDedicated':
      return r.pick(C.RUGGED)
    case 'androidAospUserAssociated':
    case 'androidAospUserless':
      return r.pick(C.AOSP_DEVICES)
    case 'windows':
      return r.pick(C.WINDOWS_PCS)
    case 'macos':
      return r.pick(C.MACS)
    case 'linux':
      return r.pick(C.LINUX_PCS)
    default:
      return parseFloat(version) < 8 ? r.pick(C.ANDROID_OLD_PHONES) : r.pick(C.ANDROID_PHONES)
  }
}

function osVersionFor(r: Rng, kind: DeviceKind): string {
  if (isAndroid(kind)) return androidVersion(r, kind)
  if (isApple(kind)) return r.pick(C.IOS_VERSIONS)
  if (kind === 'windows') return r.pick(C.WINDOWS_VERSIONS)
  if (kind === 'macos') return r.pick(C.MACOS_VERSIONS)
  return r.pick(C.LINUX_VERSIONS)
}

/** Whole seconds, like Intune's timestamps. */
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z'

function findModel(spec: ScenarioSpec): C.ModelSpec {
  const all = [
    ...C.IPHONES,
    ...C.IPADS,
    ...C.ANDROID_PHONES,
    ...C.ANDROID_OLD_PHONES,
    ...C.RUGGED,
    ...C.AOSP_DEVICES,
    ...C.WINDOWS_PCS,
    ...C.MACS,
    ...C.LINUX_PCS,
  ]
  return (
    all.find((m) => m.model === spec.model) ?? {
      manufacturer: spec.manufacturer,
      model: spec.model,
      tac: '',
      serialPrefix: '',
      serialLength: 10,
    }
  )
}

function defaultName(
  r: Rng,
  kind: DeviceKind,
  person: Person | null,
  shape: Shape,
  enrolled: number,
  model: C.ModelSpec,
): string {
  const first = person?.first ?? ''
  const userAlias = person ? `${foldAscii(person.first)[0]}${foldAscii(person.last)}` : 'device'
  const d = new Date(enrolled)
  const stamp = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}_${(d.getUTCHours() % 12) + 1}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`
  switch (kind) {
    case 'iosDevice':
    case 'iosUserEnrollment': {
      const what = shape.deviceType === 'iPad' ? 'iPad' : 'iPhone'
      return person?.lang === 'en' ? `${first}'s ${what}` : `${what} de ${first}`
    }
    case 'androidDedicated':
      return `KIOSK-${r.pick(C.CITIES)}-${r.digits(3)}`
    case 'androidAospUserless':
      return `AOSP-${model.model.replace(/\s+/g, '')}-${r.digits(3)}`
    case 'androidDeviceAdministrator':
      return r.chance(0.5) ? `${model.model}_${r.digits(4)}` : `Android de ${first}`
    case 'windows':
      return r.chance(0.5) ? `DESKTOP-${r.hex(7).toUpperCase()}` : `LAP-${r.pick(C.CITIES)}-${r.digits(4)}`
    case 'macos':
      return person?.lang === 'en' ? `${first}'s MacBook` : `MacBook de ${first}`
    case 'linux':
      return `ws-${foldAscii(first) || 'lab'}-${r.digits(3)}`
    default:
      return `${userAlias}_${shape.operatingSystem === 'AndroidAOSP' ? 'AOSP' : shape.operatingSystem}_${stamp}`
  }
}

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
    roleScopeTagIds: ['0'],
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

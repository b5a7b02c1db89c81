/** What a device of each enrolment kind looks like in Graph: OS, versions, models, names. */
import * as C from './catalog'
import { foldAscii, type Person } from './people'
import type { Rng } from './random'
import type { ScenarioSpec } from './scenarios'
import type { DeviceKind } from './types'

export const KIND_WEIGHTS: readonly (readonly [DeviceKind, number])[] = [
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

export const isAndroid = (k: DeviceKind): boolean => k.startsWith('android')
export const isApple = (k: DeviceKind): boolean =>
  k === 'iosDevice' || k === 'iosUserEnrollment' || k === 'visionosDevice' || k === 'visionosUserEnrollment'

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

export interface Shape {
  operatingSystem: string
  deviceType: string
  enrollment: string
  agent: string
  owner: 'company' | 'personal'
  joinType: string
  chassis: string
}

export function shapeOf(r: Rng, kind: DeviceKind, model: C.ModelSpec): Shape {
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
    // Apple Vision Pro: Graph's beta deviceType has a visionOS member (managed-device-schema.json).
    case 'visionosDevice':
      return {
        chassis: 'unknown',
        operatingSystem: 'visionOS',
        deviceType: 'visionOS',
        enrollment: 'appleBulkWithUser',
        agent: 'mdm',
        owner: 'company',
        joinType: 'azureADRegistered',
      }
    case 'visionosUserEnrollment':
      return {
        chassis: 'unknown',
        operatingSystem: 'visionOS',
        deviceType: 'visionOS',
        enrollment: 'appleAccountDrivenUserEnrollment',
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

export function modelFor(r: Rng, kind: DeviceKind, version: string): C.ModelSpec {
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

export function osVersionFor(r: Rng, kind: DeviceKind): string {
  if (isAndroid(kind)) return androidVersion(r, kind)
  if (kind === 'visionosDevice' || kind === 'visionosUserEnrollment') return r.pick(C.VISIONOS_VERSIONS)
  if (isApple(kind)) return r.pick(C.IOS_VERSIONS)
  if (kind === 'windows') return r.pick(C.WINDOWS_VERSIONS)
  if (kind === 'macos') return r.pick(C.MACOS_VERSIONS)
  return r.pick(C.LINUX_VERSIONS)
}

/** Whole seconds, like Intune's timestamps. */
export function findModel(spec: ScenarioSpec): C.ModelSpec {
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

export function defaultName(
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
    case 'visionosDevice':
    case 'visionosUserEnrollment':
      return person?.lang === 'en' ? `${first}'s Apple Vision Pro` : `Apple Vision Pro de ${first}`
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

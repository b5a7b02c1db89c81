import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import { useGraphEnumLabel } from '@renderer/composables/useGraphEnumLabel'
import { useLocaleFormat } from '@renderer/composables/useLocaleFormat'
import { useRelativeTime } from '@renderer/composables/useRelativeTime'
import type { DeviceProperty } from './DevicePropertyGroup.vue'

export interface PropertyGroup {
  readonly key: string
  readonly title: string
  readonly properties: DeviceProperty[]
}

/**
 * A cached device's properties grouped as an agent thinks of them — who, what hardware, how it is
 * managed, compliance — with Graph enum values in the agent's language (glossary-fr §2).
 */
export function useDeviceProperties(detail: Ref<DeviceDetail | null>) {
  const { t } = useI18n()
  const { formatDateTime } = useLocaleFormat()
  const { relative } = useRelativeTime()
  const graphEnum = useGraphEnumLabel()

  const yesNo = (value: boolean | null) =>
    value === null ? null : value ? t('devices.detail.yes') : t('devices.detail.no')
  const date = (value: string | null) => (value ? formatDateTime(value) : null)
  const dateWithAge = (value: string | null) =>
    value ? `${formatDateTime(value)} (${relative(value)})` : null

  return computed<PropertyGroup[]>(() => {
    const d = detail.value
    if (!d) return []
    const f = (key: string, value: string | null, mono = false): DeviceProperty => ({
      key,
      label: t(`devices.detail.fields.${key}`),
      value,
      mono,
    })
    return [
      {
        key: 'user',
        title: t('devices.detail.groups.user'),
        properties: [
          f('userDisplayName', d.user.userDisplayName),
          f('userPrincipalName', d.user.userPrincipalName, true),
          f('emailAddress', d.user.emailAddress, true),
          f('phoneNumber', d.user.phoneNumber, true),
        ],
      },
      {
        key: 'hardware',
        title: t('devices.detail.groups.hardware'),
        properties: [
          f('manufacturer', d.hardware.manufacturer),
          f('model', d.hardware.model),
          f('deviceType', graphEnum.label('deviceType', d.hardware.deviceType)),
          f('serialNumber', d.hardware.serialNumber, true),
          f('imei', d.hardware.imei, true),
          f('meid', d.hardware.meid, true),
        ],
      },
      {
        key: 'management',
        title: t('devices.detail.groups.management'),
        properties: [
          f('operatingSystem', graphEnum.system(d.management.operatingSystem, d.management.osVersion)),
          f('enrollmentKind', t(`eligibility.enrollment.${d.eligibility.enrollment}`)),
          f(
            'deviceEnrollmentType',
            graphEnum.label('deviceEnrollmentType', d.management.deviceEnrollmentType),
          ),
          f('managementAgent', graphEnum.label('managementAgentType', d.management.managementAgent)),
          f('ownership', t(`devices.ownership.${d.management.ownership}`)),
          f('isSupervised', yesNo(d.management.isSupervised)),
          f('managementState', graphEnum.label('managementState', d.management.managementState)),
          f('joinType', graphEnum.label('joinType', d.management.joinType)),
          f('enrolledDateTime', date(d.management.enrolledDateTime)),
          f('lastSyncDateTime', dateWithAge(d.management.lastSyncDateTime)),
        ],
      },
      {
        key: 'compliance',
        title: t('devices.detail.groups.compliance'),
        properties: [f('complianceState', t(`devices.compliance.${d.compliance.complianceState}`))],
      },
    ]
  })
}

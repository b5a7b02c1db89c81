import { useI18n } from 'vue-i18n'
import { graphEnumKey, operatingSystemName, type GraphEnumName } from '@renderer/i18n/graphEnums'

/**
 * Graph enum value → the agent's language (glossary-fr.md §2), so no raw value such as `windowsRT`,
 * `mdm` or `azureADJoined` reaches the screen. A member Graph added after this schema is said to be
 * unrecognized, with the value in brackets for the Intune administrator.
 */
export function useGraphEnumLabel() {
  const { t } = useI18n()
  function label(name: GraphEnumName, value: string | null | undefined): string | null {
    if (value === null || value === undefined || value.trim() === '') return null
    const key = graphEnumKey(name, value)
    return key ? t(key) : t('graph.unrecognized', { value: value.trim() })
  }
  /** "Android 14", never "AndroidForWork 14". */
  function system(operatingSystem: string | null, osVersion: string | null): string | null {
    return [operatingSystemName(operatingSystem), osVersion].filter(Boolean).join(' ') || null
  }
  return { label, system }
}

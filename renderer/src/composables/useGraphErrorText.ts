import { useI18n } from 'vue-i18n'
import type { AppError } from '@shared/errors'
import { useErrorText } from './useErrorText'

/**
 * Errors of calls that go to Microsoft Graph (sync, "Refresh from Intune"). OFFLINE there means
 * Intune could not be reached from this computer, not that the app's own core is gone (the
 * generic `errors.OFFLINE` sentence), so it gets its own words; everything else is `errors.<CODE>`.
 */
export function useGraphErrorText(): (error: Pick<AppError, 'code' | 'detail'> | null | undefined) => string {
  const { t } = useI18n()
  const errorText = useErrorText()
  return (error) => (error?.code === 'OFFLINE' ? t('sync.graphUnreachable') : errorText(error))
}

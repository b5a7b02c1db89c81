import { useI18n } from 'vue-i18n'
import type { AppError } from '@shared/errors'
import { useAuthStore } from '@renderer/stores/auth'
import { useErrorText } from './useErrorText'

/**
 * Errors of calls that go to Microsoft Graph (sync, "Refresh from Intune", the action). Each names
 * the party that failed (DESIGN §1): OFFLINE and TIMEOUT there mean Intune did not answer this
 * computer — not that Passcode Desk's own local service is gone (the generic `errors.OFFLINE`).
 * AUTH_REQUIRED while nobody is signed in is "sign in", never "your session expired".
 */
export function useGraphErrorText(): (error: Pick<AppError, 'code' | 'detail'> | null | undefined) => string {
  const { t } = useI18n()
  const errorText = useErrorText()
  const auth = useAuthStore()
  return (error) => {
    switch (error?.code) {
      case 'OFFLINE':
        return t('sync.graphUnreachable')
      case 'TIMEOUT': {
        const seconds = error.detail?.seconds
        return typeof seconds === 'number' ? t('trust.reach.timeout', { seconds }) : errorText(error)
      }
      case 'AUTH_REQUIRED':
        return auth.state === 'signedOut' ? t('trust.signedOut.required') : errorText(error)
      default:
        return errorText(error)
    }
  }
}

import { useI18n } from 'vue-i18n'
import { isErrorCode, type AppError } from '@shared/errors'

/**
 * Turns an `AppError` from core into a sentence in the agent's language: `errors.<CODE>`, with the
 * error's `detail` values available for interpolation (DESIGN §3: the renderer localizes codes;
 * the English `message` beside the code is for logs only).
 */
export function useErrorText(): (error: Pick<AppError, 'code' | 'detail'> | null | undefined) => string {
  const { t, te } = useI18n()
  return (error) => {
    if (!error) return ''
    const key = `errors.${error.code}`
    if (!isErrorCode(error.code) || !te(key)) return t('errors.UNKNOWN')
    return t(key, { ...(error.detail ?? {}) })
  }
}

import { useI18n } from 'vue-i18n'

/** "14:05" in the agent's language: when Intune stopped answering today (DESIGN §3: Intl, not by hand). */
export function useClockTime(): (iso: string | null | undefined) => string {
  const { locale } = useI18n()
  return (iso) => {
    if (!iso) return '—'
    const at = new Date(iso)
    if (Number.isNaN(at.getTime())) return '—'
    const sameDay = new Date().toDateString() === at.toDateString()
    return new Intl.DateTimeFormat(locale.value, {
      ...(sameDay ? {} : { day: 'numeric', month: 'short' }),
      hour: '2-digit',
      minute: '2-digit',
    }).format(at)
  }
}

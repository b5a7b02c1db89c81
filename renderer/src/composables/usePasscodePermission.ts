import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAuthStore } from '@renderer/stores/auth'

/**
 * Whether this agent's Intune role allows Reset / Remove passcode, told before anything starts
 * (core reads it from getEffectivePermissions, domain §1.4; it still refuses in actions:issue).
 * Only a missing permission blocks: it is permanent for this role, so its words never say "for
 * now" and always say what to do. Signed out or unreadable permissions only warn.
 */
export function usePasscodePermission() {
  const auth = useAuthStore()
  const { t } = useI18n()
  const denied = computed(() => auth.permissionReason === 'missingPermission')
  return {
    /** The role lacks Remote tasks › Reset passcode: the walkthrough must not start. */
    denied,
    /** One line for a disabled button's description. */
    blockedText: computed(() => (denied.value ? t('trust.permission.blocked') : '')),
    /** The full explanation with what to do. */
    adviceText: computed(() => (denied.value ? t('trust.permission.advice') : '')),
  }
}

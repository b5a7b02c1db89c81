import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRoute } from 'vue-router'
import { usePasscodePermission } from '@renderer/composables/usePasscodePermission'
import { useAuthStore } from '@renderer/stores/auth'
import { useDeviceDetailStore } from '@renderer/stores/deviceDetail'
import type { OpenDevice } from './commands'

/**
 * The device page on screen, as the palette's "this device" entries need it. The walkthrough is
 * blocked for the same reasons, in the same words, as the device page's button: the agent's role
 * first, then Intune's scope, then the verdict (DESIGN §4: nothing starts that would be refused).
 */
export function usePaletteDevice() {
  const route = useRoute()
  const detailStore = useDeviceDetailStore()
  const auth = useAuthStore()
  const permission = usePasscodePermission()
  const { t } = useI18n()

  const device = computed<OpenDevice | null>(() => {
    const d = detailStore.detail
    if (route.name !== 'device' || !d || d.id !== route.params.id) return null
    let blocked = ''
    if (permission.denied.value) blocked = permission.blockedText.value
    else if (d.outOfScope) blocked = t('intuneErrors.outOfScope.walkthroughBlocked')
    else if (d.eligibility.verdict !== 'eligible')
      blocked = t(`devices.detail.walkthrough.blocked.${d.eligibility.verdict}`)
    return { id: d.id, name: d.deviceName, serial: d.hardware.serialNumber, walkthroughBlocked: blocked }
  })

  return {
    device,
    agentUpn: computed(() => auth.agent?.upn ?? null),
    refresh: () => detailStore.refresh(),
  }
}

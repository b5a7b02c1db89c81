import type { RouteLocationRaw } from 'vue-router'
import type { HistoryFilters } from '@shared/api/schemas/history'
import { assertNever } from '@shared/errors'
import type { PaletteEffect } from './commands'

/** What carrying out a palette entry may touch: navigation, three stores, the clipboard, a toast. */
export interface PaletteRunDeps {
  readonly navigate: (to: RouteLocationRaw) => Promise<unknown>
  readonly setHistoryFilters: (filters: HistoryFilters) => void
  readonly setDeviceQuery: (query: string) => void
  /** The device page's own "Refresh from Intune" (a read: `devices:refresh`). */
  readonly refreshDevice: () => Promise<'updated' | 'gone' | 'outOfScope' | 'failed'>
  readonly copyText: (text: string) => Promise<void>
  readonly notify: (type: 'success' | 'error' | 'warning', key: string) => void
  /** Moves the focus to a Settings section's heading once it is on screen. */
  readonly focusSection: (id: string) => void
}

/**
 * Carries out one palette entry. Nothing here issues an action: the walkthrough entry opens the
 * walkthrough's first step and stops there (DESIGN §4; the agent still confirms every check and
 * presses the send button there).
 */
export async function runPaletteEffect(effect: PaletteEffect, deps: PaletteRunDeps): Promise<void> {
  switch (effect.kind) {
    case 'navigate':
      await deps.navigate(effect.to)
      return
    case 'device':
      await deps.navigate({ name: 'device', params: { id: effect.deviceId } })
      return
    case 'person':
      // The person's devices in the Devices view (their UPN as the query).
      deps.setDeviceQuery(effect.query)
      await deps.navigate({ name: 'devices' })
      return
    case 'history':
      deps.setHistoryFilters(effect.filters)
      await deps.navigate({ name: 'history' })
      return
    case 'settings':
      await deps.navigate({ name: 'settings' })
      deps.focusSection(effect.section)
      return
    case 'walkthrough':
      await deps.navigate({ name: 'walkthrough', params: { deviceId: effect.deviceId } })
      return
    case 'refresh': {
      const outcome = await deps.refreshDevice()
      if (outcome === 'updated') deps.notify('success', 'palette.done.refreshed')
      else if (outcome === 'gone') {
        deps.notify('warning', 'devices.detail.gone')
        await deps.navigate({ name: 'devices' })
      }
      // outOfScope and failed: the device page shows why, as after its own button.
      return
    }
    case 'copySerial':
      try {
        await deps.copyText(effect.serial)
        deps.notify('success', 'palette.done.serialCopied')
      } catch {
        deps.notify('error', 'palette.done.copyFailed')
      }
      return
    default:
      assertNever(effect, 'palette effect')
  }
}

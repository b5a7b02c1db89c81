import { defineStore } from 'pinia'
import { readonly, ref, shallowReactive } from 'vue'
import { api } from '@renderer/api/client'
import { i18n } from '@renderer/i18n'
import type { ActionAvailability, ActionRecord, ActionState } from '@shared/api/schemas/actions'
import type { AppError } from '@shared/errors'

/** Intune's terminal states: the moment to tell the agent (DESIGN §1 "actions (issue, poll, record)": notified on completion or failure). */
const NOTIFY_STATES: readonly ActionState[] = ['done', 'failed', 'notSupported', 'canceled']

/**
 * Passcode actions as core reports them: per device, and live through `actions:changed`. The
 * browser host has no Electron `Notification`, so this store shows the Web Notification when an
 * action ends — only after the agent granted permission, and never with the passcode in it.
 */
export const useActionsStore = defineStore('actions', () => {
  const byId = shallowReactive(new Map<string, ActionRecord>())
  const byDevice = shallowReactive(new Map<string, string[]>())
  const loadingDevice = ref<string | null>(null)
  const error = ref<AppError | null>(null)

  function put(action: ActionRecord): void {
    const previous = byId.get(action.id)
    byId.set(action.id, action)
    const list = byDevice.get(action.deviceId)
    if (list && !list.includes(action.id)) byDevice.set(action.deviceId, [action.id, ...list])
    if (previous && previous.state !== action.state && NOTIFY_STATES.includes(action.state)) notify(action)
  }

  function notify(action: ActionRecord): void {
    if (api.transport !== 'browser' || typeof Notification === 'undefined') return
    if (Notification.permission !== 'granted') return
    const t = i18n.global.t
    const device = action.deviceName ?? action.deviceId
    try {
      new Notification(t(`actions.notification.${action.state}.title`), {
        body: t(`actions.notification.${action.state}.body`, { device }),
        tag: `passcode-desk-${action.id}`,
      })
    } catch {
      // Some browsers only allow notifications from a service worker: the in-app status still shows it.
    }
  }

  /** Asks once, from a click (browsers require a user gesture); harmless when already decided. */
  async function requestNotificationPermission(): Promise<void> {
    if (api.transport !== 'browser' || typeof Notification === 'undefined') return
    if (Notification.permission === 'default') await Notification.requestPermission().catch(() => {})
  }

  api.on('actions:changed', put)

  async function loadForDevice(deviceId: string): Promise<void> {
    loadingDevice.value = deviceId
    const result = await api.call('actions:listForDevice', { deviceId, limit: 50 })
    if (loadingDevice.value === deviceId) loadingDevice.value = null
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    for (const action of result.value) byId.set(action.id, action)
    byDevice.set(
      deviceId,
      result.value.map((a) => a.id),
    )
  }

  async function load(actionId: string): Promise<ActionRecord | null> {
    const result = await api.call('actions:get', { actionId })
    if (!result.ok) {
      error.value = result.error
      return null
    }
    put(result.value.action)
    return result.value.action
  }

  async function availability(deviceId?: string): Promise<ActionAvailability> {
    const result = await api.call('actions:availability', deviceId ? { deviceId } : {})
    return result.ok ? result.value : { available: false, reason: result.error.code, agentUpn: null }
  }

  async function recheck(actionId: string): Promise<AppError | null> {
    const result = await api.call('actions:recheck', { actionId })
    if (!result.ok) return result.error
    put(result.value)
    return null
  }

  const forDevice = (deviceId: string): ActionRecord[] =>
    (byDevice.get(deviceId) ?? []).map((id) => byId.get(id)).filter((a): a is ActionRecord => Boolean(a))

  return {
    get: (id: string) => byId.get(id) ?? null,
    forDevice,
    loadingDevice: readonly(loadingDevice),
    error: readonly(error),
    loadForDevice,
    load,
    availability,
    recheck,
    requestNotificationPermission,
    /** Used by the walkthrough after issuing, before the first event arrives. */
    put,
  }
})

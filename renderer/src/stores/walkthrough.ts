import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { ActionAvailability, ActionRecord } from '@shared/api/schemas/actions'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import type { VerificationCheck } from '@shared/api/schemas/settings'
import type { PreconditionCode } from '@shared/eligibility/codes'
import type { AppError } from '@shared/errors'
import { foldText } from '@shared/text'
import { useActionsStore } from './actions'
import { useAuthStore } from './auth'
import { useDeviceSearchStore } from './deviceSearch'
import { usePasscodeClipboardStore } from './passcodeClipboard'
import { useReachabilityStore } from './reachability'
import { useSettingsStore } from './settings'

export const WALKTHROUGH_STEPS = [
  'verify',
  'device',
  'eligibility',
  'script',
  'confirm',
  'status',
  'finish',
] as const
export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number]

/** The renderer hides the passcode at the same moment core forgets it (DESIGN §4: shown once; 60 s). */
const FALLBACK_REVEAL_MS = 60_000

/**
 * The caller's name to start step 1 with, when the agent found the device by typing its user's name:
 * the device user's display name as the directory spells it ("Zoé Bélanger", not the "zoe belanger"
 * typed in the search box). When the search did not match the user — a serial, an IMEI, a phone
 * number, a device name, another person's name — the field starts empty: the agent asks.
 */
export function callerFromSearch(
  query: string,
  user: { readonly userDisplayName: string | null; readonly userPrincipalName?: string | null },
): string | null {
  const q = query.trim()
  const name = user.userDisplayName?.trim()
  if (!q || !name || /\d/.test(q) || q.length > 120) return null
  // Case and accents folded, the way the search box matches ("helene" finds "Hélène"); the sign-in
  // name's local part counts as the user too ("zbelanger").
  const haystacks = [foldText(name), foldText((user.userPrincipalName ?? '').split('@')[0] ?? '')]
  const words = foldText(q).split(/\s+/)
  return words.every((word) => haystacks.some((h) => h.length > 0 && h.includes(word))) ? name : null
}

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}

/**
 * One guided walkthrough (DESIGN §1, domain §2.4): the answers the agent records step by step, the one action it
 * issues (a single idempotency key per walkthrough, so a double click or a retry never sends twice),
 * its live state, and the temporary passcode while it is shown.
 */
export const useWalkthroughStore = defineStore('walkthrough', () => {
  const actions = useActionsStore()
  const auth = useAuthStore()
  const settings = useSettingsStore()
  const search = useDeviceSearchStore()
  const clipboard = usePasscodeClipboardStore()
  const reachability = useReachabilityStore()

  const deviceId = ref<string | null>(null)
  const detail = shallowRef<DeviceDetail | null>(null)
  const loadError = shallowRef<AppError | null>(null)
  const loading = ref(false)
  const step = ref<WalkthroughStep>('verify')

  const callerName = ref('')
  const checks = ref<VerificationCheck[]>([])
  const deviceConfirmed = ref({ model: false, serial: false, checkIn: false })
  const preconditions = ref<PreconditionCode[]>([])
  const scriptRead = ref(false)
  const ticket = ref('')
  const idempotencyKey = ref(newIdempotencyKey())

  const availability = shallowRef<ActionAvailability | null>(null)
  const issuing = ref(false)
  const issueError = shallowRef<AppError | null>(null)
  /** CONFIRMATION_REQUIRED came back: the agent must say yes to a second action. */
  const repeatPending = shallowRef<AppError | null>(null)
  const actionId = ref<string | null>(null)
  const action = computed<ActionRecord | null>(() => (actionId.value ? actions.get(actionId.value) : null))

  const passcode = ref<string | null>(null)
  const passcodeExpiresAt = ref<number | null>(null)
  const passcodeError = shallowRef<AppError | null>(null)
  let hideTimer: ReturnType<typeof setTimeout> | null = null
  const note = ref('')
  const finished = ref(false)
  /** A deep link's ticket and caller (DESIGN §3 "deep links"), applied by the next start(). */
  let prefilled: { ticket?: string; caller?: string } | null = null

  const policy = computed(() => settings.policy)
  const missingChecks = computed(() => policy.value.requiredChecks.filter((c) => !checks.value.includes(c)))
  const ticketMissing = computed(() => policy.value.ticketRequired && ticket.value.trim() === '')

  function clearPasscode(): void {
    if (hideTimer) clearTimeout(hideTimer)
    hideTimer = null
    passcode.value = null
    passcodeExpiresAt.value = null
  }

  function reset(): void {
    clearPasscode()
    clipboard.dismiss()
    detail.value = null
    loadError.value = null
    step.value = 'verify'
    callerName.value = ''
    checks.value = []
    deviceConfirmed.value = { model: false, serial: false, checkIn: false }
    preconditions.value = []
    scriptRead.value = false
    ticket.value = ''
    idempotencyKey.value = newIdempotencyKey()
    availability.value = null
    issueError.value = null
    repeatPending.value = null
    actionId.value = null
    passcodeError.value = null
    note.value = ''
    finished.value = false
  }

  /**
   * Opens the walkthrough for a device; with `existingActionId` it resumes that action at the step
   * it was left at. The action is read before the device is shown, so the page never renders step 1
   * first (it used to, then jumped: "Étape 6 sur 7" with step 1 still marked).
   */
  async function start(
    id: string,
    options: { caller?: string; existingActionId?: string } = {},
  ): Promise<void> {
    if (deviceId.value !== id || options.existingActionId || finished.value) reset()
    deviceId.value = id
    if (prefilled) {
      if (prefilled.ticket) ticket.value = prefilled.ticket.slice(0, 64)
      if (prefilled.caller) callerName.value = prefilled.caller.slice(0, 200)
      prefilled = null
    }
    if (options.caller && !callerName.value) callerName.value = options.caller.slice(0, 200)
    loading.value = true
    const [cached, existing] = await Promise.all([
      api.call('devices:get', { id }),
      options.existingActionId ? actions.load(options.existingActionId) : Promise.resolve(null),
    ])
    loading.value = false
    if (!cached.ok) {
      loadError.value = cached.error
      return
    }
    if (existing && existing.deviceId === id) resume(existing)
    detail.value = cached.value
    if (!callerName.value && !actionId.value) {
      callerName.value = callerFromSearch(search.query, cached.value.user) ?? ''
    }
    void refreshAvailability()
    // Eligibility as Intune sees the device now (core re-checks it again when issuing).
    const live = await auth.withSignIn(() => api.call('devices:refresh', { id }))
    if (live.ok && deviceId.value === id) detail.value = live.value
    else if (!live.ok && live.error.code === 'GRAPH_OUT_OF_SCOPE') await reloadMarked(id)
  }

  /** Core marked the device outside the agent's Intune scope (domain §9): show the mark, refuse. */
  async function reloadMarked(id: string): Promise<void> {
    const marked = await api.call('devices:get', { id })
    if (marked.ok && deviceId.value === id) {
      detail.value = marked.value
      search.applyDetail(marked.value)
    }
  }

  /**
   * Reopened from History or the device page: the answers recorded with the action, and the step
   * it was left at — the closing step (with its note) once finished, else the live status.
   */
  function resume(existing: ActionRecord): void {
    actionId.value = existing.id
    callerName.value = existing.callerName ?? existing.verification.callerName ?? ''
    checks.value = [...existing.verification.checks]
    preconditions.value = [...existing.preconditionsConfirmed]
    ticket.value = existing.ticketReference ?? ''
    deviceConfirmed.value = { model: true, serial: true, checkIn: true }
    scriptRead.value = true
    note.value = existing.outcomeNote ?? ''
    finished.value = existing.finishedAt !== null
    step.value = finished.value ? 'finish' : 'status'
  }

  async function refreshAvailability(): Promise<void> {
    if (!deviceId.value) return
    availability.value = await actions.availability(deviceId.value)
  }

  // Intune lost or back: the send button's reason follows at once, not at the next step change.
  watch(
    () => reachability.intuneUnreachable,
    () => {
      if (deviceId.value && !actionId.value) void refreshAvailability()
    },
  )

  async function issue(confirmRepeat = false): Promise<boolean> {
    if (!deviceId.value || issuing.value) return false
    issuing.value = true
    issueError.value = null
    void actions.requestNotificationPermission()
    const input = {
      deviceId: deviceId.value,
      idempotencyKey: idempotencyKey.value,
      ticketReference: ticket.value.trim() || undefined,
      verification: { checks: [...checks.value], callerName: callerName.value.trim() || undefined },
      preconditionsConfirmed: [...preconditions.value],
      confirmRepeat,
    }
    // An expired sign-in parks the call until the agent signs in again, then issues it with the
    // same idempotency key: the answers on screen are kept and no second POST can result.
    const result = await auth.withSignIn(() => api.call('actions:issue', input))
    issuing.value = false
    if (!result.ok) {
      if (result.error.code === 'CONFIRMATION_REQUIRED') repeatPending.value = result.error
      else issueError.value = result.error
      if (result.error.code === 'GRAPH_OUT_OF_SCOPE') await reloadMarked(input.deviceId)
      // The key is kept: after a refusal nothing was recorded under it, and after a lost connection
      // core may have sent the action — retrying with the same key then returns it, never a second POST.
      return false
    }
    repeatPending.value = null
    actions.put(result.value)
    actionId.value = result.value.id
    step.value = 'status'
    return true
  }

  /** After `notSent` (Intune never registered it): back to the confirm step with a new key. */
  function retryNotSent(): void {
    if (action.value?.state !== 'notSent') return
    actionId.value = null
    issueError.value = null
    idempotencyKey.value = newIdempotencyKey()
    step.value = 'confirm'
  }

  async function revealPasscode(): Promise<void> {
    if (!actionId.value) return
    passcodeError.value = null
    const id = actionId.value
    const result = await auth.withSignIn(() => api.call('actions:revealPasscode', { actionId: id }))
    if (!result.ok) {
      passcodeError.value = result.error
      return
    }
    clearPasscode()
    passcode.value = result.value.passcode
    const expires = Date.parse(result.value.expiresAt)
    passcodeExpiresAt.value = Number.isFinite(expires) ? expires : Date.now() + FALLBACK_REVEAL_MS
    // Hidden at the moment core forgets it, through the same path as "Masquer" (clipboard included).
    hideTimer = setTimeout(() => void hidePasscode(), Math.max(0, passcodeExpiresAt.value - Date.now()))
  }

  async function copyPasscode(): Promise<boolean> {
    if (!actionId.value || !passcode.value) return false
    return clipboard.copy(actionId.value, passcode.value)
  }

  /** Hides it on screen, in core, and on the clipboard if it is still there (DESIGN §4). */
  async function hidePasscode(): Promise<void> {
    clearPasscode()
    const id = actionId.value
    if (!id) return
    const result = await api.call('actions:hidePasscode', { actionId: id })
    await clipboard.release(id, result.ok ? result.value.clipboard : undefined)
  }

  async function finish(): Promise<AppError | null> {
    if (!actionId.value) return null
    await hidePasscode()
    const result = await api.call('actions:finish', { actionId: actionId.value, note: note.value })
    if (!result.ok) return result.error
    actions.put(result.value)
    finished.value = true
    return null
  }

  return {
    deviceId: readonly(deviceId),
    detail,
    loadError,
    loading: readonly(loading),
    step,
    callerName,
    checks,
    deviceConfirmed,
    preconditions,
    scriptRead,
    ticket,
    note,
    availability,
    issuing: readonly(issuing),
    issueError,
    repeatPending,
    actionId: readonly(actionId),
    action,
    passcode: readonly(passcode),
    passcodeExpiresAt: readonly(passcodeExpiresAt),
    passcodeError,
    finished: readonly(finished),
    policy,
    missingChecks,
    ticketMissing,
    start,
    reset,
    /** Only fills two fields in; never starts, issues or confirms anything. */
    prefill: (values: { ticket?: string; caller?: string }) => void (prefilled = { ...values }),
    refreshAvailability,
    issue,
    retryNotSent,
    revealPasscode,
    copyPasscode,
    hidePasscode,
    finish,
  }
})

import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import type { ActionAvailability, ActionRecord } from '@shared/api/schemas/actions'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import type { AppError } from '@shared/errors'
import { ticketMatchesPattern } from '@shared/ticket-pattern'
import { useActionsStore } from './actions'
import { useAuthStore } from './auth'
import { useDeviceSearchStore } from './deviceSearch'
import { useReachabilityStore } from './reachability'
import { useSettingsStore } from './settings'
import { createWalkthroughAnswers } from './walkthroughAnswers'
import { useWalkthroughPasscodeStore } from './walkthroughPasscode'
import {
  WALKTHROUGH_STEPS,
  callerFromSearch,
  newIdempotencyKey,
  stepBlock,
  type WalkthroughStep,
} from './walkthroughSteps'

export { WALKTHROUGH_STEPS, callerFromSearch, type WalkthroughStep } from './walkthroughSteps'

/**
 * One guided walkthrough (DESIGN §1): the answers the agent records step by step, which step may be
 * left and why not (walkthroughSteps.ts), the one action it issues (a single idempotency key per
 * walkthrough, so a double click or a retry never sends twice) and its live state. The temporary
 * passcode lives in walkthroughPasscode.ts.
 */
export const useWalkthroughStore = defineStore('walkthrough', () => {
  const actions = useActionsStore()
  const auth = useAuthStore()
  const settings = useSettingsStore()
  const search = useDeviceSearchStore()
  const reachability = useReachabilityStore()
  const secret = useWalkthroughPasscodeStore()

  const deviceId = ref<string | null>(null)
  const detail = shallowRef<DeviceDetail | null>(null)
  const loadError = shallowRef<AppError | null>(null)
  const loading = ref(false)
  const step = ref<WalkthroughStep>('verify')

  const answers = createWalkthroughAnswers()
  const { callerName, checks, deviceConfirmed, preconditions, scriptRead, ticket, note } = answers.refs
  const idempotencyKey = ref(newIdempotencyKey())

  const availability = shallowRef<ActionAvailability | null>(null)
  const issuing = ref(false)
  const issueError = shallowRef<AppError | null>(null)
  /** CONFIRMATION_REQUIRED came back: the agent must say yes to a second action. */
  const repeatPending = shallowRef<AppError | null>(null)
  const actionId = ref<string | null>(null)
  const action = computed<ActionRecord | null>(() => (actionId.value ? actions.get(actionId.value) : null))

  const finished = ref(false)
  /** A deep link's ticket and caller (DESIGN §3 "deep links"), applied by the next start(). */
  let prefilled: { ticket?: string; caller?: string } | null = null

  const policy = computed(() => settings.policy)
  const missingChecks = computed(() => policy.value.requiredChecks.filter((c) => !checks.value.includes(c)))
  const ticketMissing = computed(() => policy.value.ticketRequired && ticket.value.trim() === '')
  // Core refuses it too (TICKET_FORMAT_MISMATCH); the button says so before the agent clicks.
  const ticketMismatch = computed(() => !ticketMatchesPattern(ticket.value, policy.value.ticketPattern))

  const index = computed(() => WALKTHROUGH_STEPS.indexOf(step.value))
  const sent = computed(() => action.value !== null)
  /** Intune refused this device for scope tags (domain §9): nothing can be sent, the walkthrough says why. */
  const outOfScope = computed(() => (action.value ? null : (detail.value?.outOfScope ?? null)))
  const blocked = computed(() =>
    stepBlock({
      step: step.value,
      outOfScope: outOfScope.value !== null,
      missingChecks: missingChecks.value,
      deviceConfirmed: deviceConfirmed.value,
      eligibility: detail.value?.eligibility ?? null,
      preconditions: preconditions.value,
      scriptRead: scriptRead.value,
      ticketMissing: ticketMissing.value,
      ticketMismatch: ticketMismatch.value,
      availability: availability.value,
      issuing: issuing.value,
      finished: finished.value,
    }),
  )
  const canProceed = computed(() => blocked.value === null)
  /** Before the action is sent, Back; after that there is no going back. */
  const canGoBack = computed(() => !sent.value && index.value > 0)

  function reset(): void {
    secret.reset()
    detail.value = null
    loadError.value = null
    step.value = 'verify'
    answers.clear()
    idempotencyKey.value = newIdempotencyKey()
    availability.value = null
    issueError.value = null
    repeatPending.value = null
    actionId.value = null
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
    await refreshDevice()
  }

  /**
   * Eligibility as Intune sees the device now (core re-checks it again when issuing); also the
   * device's last check-in while an action is pending. False when Intune could not be read.
   */
  async function refreshDevice(): Promise<boolean> {
    const id = deviceId.value
    if (!id) return false
    const live = await auth.withSignIn(() => api.call('devices:refresh', { id }))
    if (live.ok && deviceId.value === id) detail.value = live.value
    else if (!live.ok && live.error.code === 'GRAPH_OUT_OF_SCOPE') await reloadMarked(id)
    return live.ok
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
    answers.fromRecord(existing)
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
  // The network or the sign-in may have changed since the walkthrough opened.
  watch(step, (value) => {
    if (value === 'confirm') void refreshAvailability()
  })

  async function issue(confirmRepeat = false): Promise<boolean> {
    if (!deviceId.value || issuing.value) return false
    issuing.value = true
    issueError.value = null
    void actions.requestNotificationPermission()
    const input = {
      deviceId: deviceId.value,
      idempotencyKey: idempotencyKey.value,
      ...answers.issueFields(),
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

  async function finish(): Promise<AppError | null> {
    if (!actionId.value) return null
    await secret.hide(actionId.value)
    const result = await api.call('actions:finish', { actionId: actionId.value, note: note.value })
    if (!result.ok) return result.error
    actions.put(result.value)
    finished.value = true
    return null
  }

  /**
   * The step's primary button (also Enter / Ctrl+Enter): the next step, the send on step 5, the
   * closing note on step 7. Does nothing while the step is blocked. Returns finish's error.
   */
  async function primary(): Promise<AppError | null> {
    if (!canProceed.value) return null
    if (step.value === 'confirm') {
      await issue()
      return null
    }
    if (step.value === 'finish') return finish()
    step.value = WALKTHROUGH_STEPS[index.value + 1]!
    return null
  }

  function back(): void {
    if (canGoBack.value) step.value = WALKTHROUGH_STEPS[index.value - 1]!
  }

  return {
    deviceId: readonly(deviceId),
    detail,
    loadError,
    loading: readonly(loading),
    step,
    index,
    sent,
    outOfScope,
    blocked,
    canProceed,
    canGoBack,
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
    passcode: computed(() => secret.passcode),
    passcodeExpiresAt: computed(() => secret.expiresAt),
    passcodeError: computed(() => secret.error),
    finished: readonly(finished),
    policy,
    missingChecks,
    ticketMissing,
    start,
    reset,
    /** Only fills two fields in; never starts, issues or confirms anything. */
    prefill: (values: { ticket?: string; caller?: string }) => void (prefilled = { ...values }),
    refreshAvailability,
    refreshDevice,
    issue,
    retryNotSent,
    primary,
    back,
    revealPasscode: async () => (actionId.value ? secret.reveal(actionId.value) : undefined),
    copyPasscode: async () => (actionId.value ? secret.copy(actionId.value) : false),
    hidePasscode: () => secret.hide(actionId.value),
    finish,
  }
})

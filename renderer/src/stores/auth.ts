import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { Result } from '@shared/api/result'
import type { AuthStatus } from '@shared/api/schemas/auth'
import type { AppError } from '@shared/errors'

interface Resumable {
  readonly retry: () => Promise<void>
  readonly abandon: () => void
}

/**
 * The agent's sign-in (DESIGN §4, domain §4): status from core (`auth:status`, `auth:changed`), sign-in/out, and
 * the "sign in again without losing your work" loop. Core never sends a token: only who is signed
 * in, where the token cache lives and whether the passcode action is allowed.
 *
 * Resuming: stores wrap their Graph-backed calls in `withSignIn`. When core answers AUTH_REQUIRED,
 * the call is parked (its caller keeps waiting, its form and selection untouched), the status bar
 * asks the agent to sign in again, and after a successful sign-in every parked call runs again and
 * resolves its caller. If the agent gives up, parked calls resolve with the original AUTH_REQUIRED.
 */
export const useAuthStore = defineStore('auth', () => {
  const status = shallowRef<AuthStatus | null>(null)
  const error = shallowRef<AppError | null>(null)
  const busy = ref(false)
  /** The sign-in page, for when the browser blocked the new tab (shown as a link). */
  const signInUrl = ref<string | null>(null)
  const parked = shallowRef<readonly Resumable[]>([])

  async function load(): Promise<void> {
    const result = await api.call('auth:status')
    if (result.ok) {
      status.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  async function resume(): Promise<void> {
    const waiting = parked.value
    parked.value = []
    for (const entry of waiting) await entry.retry()
  }

  function abandonParked(): void {
    const waiting = parked.value
    parked.value = []
    for (const entry of waiting) entry.abandon()
  }

  /** Interactive sign-in in the browser. Resolves when the agent has finished (or given up). */
  async function signIn(): Promise<AppError | null> {
    if (busy.value) return null
    busy.value = true
    error.value = null
    signInUrl.value = null
    try {
      const result = await api.call('auth:signIn')
      if (!result.ok) {
        error.value = result.error
        return result.error
      }
      status.value = result.value
      await resume()
      return null
    } finally {
      busy.value = false
      signInUrl.value = null
    }
  }

  async function cancelSignIn(): Promise<void> {
    const result = await api.call('auth:cancelSignIn')
    if (result.ok) status.value = result.value
  }

  async function signOut(): Promise<AppError | null> {
    abandonParked()
    const result = await api.call('auth:signOut')
    if (!result.ok) {
      error.value = result.error
      return result.error
    }
    status.value = result.value
    return null
  }

  /** The agent dismissed the "sign in again" prompt: parked calls give up with AUTH_REQUIRED. */
  function dismissResume(): void {
    abandonParked()
  }

  /**
   * Runs a Graph-backed call; on AUTH_REQUIRED it waits for the agent to sign in again and retries
   * once, so the caller's state (search text, walkthrough step, ticket number) is kept.
   */
  function withSignIn<T>(operation: () => Promise<Result<T>>): Promise<Result<T>> {
    return operation().then((first) => {
      if (first.ok || first.error.code !== 'AUTH_REQUIRED') return first
      void load()
      return new Promise<Result<T>>((resolve) => {
        parked.value = [
          ...parked.value,
          {
            retry: async () => resolve(await operation()),
            abandon: () => resolve(first),
          },
        ]
      })
    })
  }

  api.on('auth:changed', (next) => {
    status.value = next
  })
  // Browser host: core cannot open the system browser, so the sign-in page opens in a new tab.
  api.on('auth:open-url', ({ url }) => {
    if (!/^https?:\/\//.test(url)) return
    signInUrl.value = url
    if (typeof window !== 'undefined') window.open(url, '_blank', 'noopener')
  })
  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })

  const agent = computed(() => status.value?.agent ?? null)
  return {
    status: readonly(status),
    error: readonly(error),
    busy: readonly(busy),
    signInUrl: readonly(signInUrl),
    agent,
    state: computed(() => status.value?.state ?? 'signedOut'),
    signedIn: computed(() => status.value?.state === 'signedIn'),
    /** Core said the session expired, or a call is parked waiting for a new sign-in. */
    needsSignIn: computed(() => status.value?.state === 'reauthRequired' || parked.value.length > 0),
    parkedCount: computed(() => parked.value.length),
    canResetPasscode: computed(() => status.value?.canResetPasscode ?? false),
    /** Null when the passcode action is allowed; otherwise why not (shown before the agent clicks). */
    permissionReason: computed(() => (status.value ? status.value.permissionReason : 'signedOut')),
    cachePersistence: computed(() => status.value?.cachePersistence ?? 'memory'),
    load,
    signIn,
    cancelSignIn,
    signOut,
    dismissResume,
    withSignIn,
  }
})

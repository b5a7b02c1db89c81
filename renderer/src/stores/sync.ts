import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { SyncFinished, SyncProgress, SyncStatus } from '@shared/api/schemas/sync'
import type { AppError } from '@shared/errors'
import { useAuthStore } from './auth'

export type SyncBannerKind = 'offline' | 'failed' | 'stale' | 'never'

/**
 * Which warning the Devices view shows about the cache, the most pressing first: Graph unreachable
 * (working offline from the cache), the last sync failed, nothing synced yet, or the cache is older
 * than the configured limit. Null when the cache is current (or while a sync is running, except
 * offline, which stays true until a call gets through).
 */
export function syncBannerKind(
  status: Pick<SyncStatus, 'online' | 'lastError' | 'lastSuccessAt' | 'stale'> | null,
  running: boolean,
  hideNeverSynced = false,
): SyncBannerKind | null {
  if (!status) return null
  if (!status.online) return 'offline'
  if (running) return null
  if (status.lastError) return 'failed'
  if (status.lastSuccessAt === null) return hideNeverSynced ? null : 'never'
  if (status.stale) return 'stale'
  return null
}

/**
 * The device cache's sync with Intune (DESIGN §1 "sync engine", domain §2.6): status (last success, online/stale), the running
 * sync's live progress, start and cancel. Subscribes to `sync:progress` / `sync:finished` once, when
 * the store is first used (Pinia runs a setup store once per app).
 */
export const useSyncStore = defineStore('sync', () => {
  const auth = useAuthStore()
  const status = shallowRef<SyncStatus | null>(null)
  const progress = shallowRef<SyncProgress | null>(null)
  const lastFinished = shallowRef<SyncFinished | null>(null)
  /** Bumped on every `sync:finished` that succeeded: the search store re-runs its query on it. */
  const completedRuns = ref(0)
  const error = shallowRef<AppError | null>(null)
  const starting = ref(false)
  const cancelling = ref(false)
  let statusSeq = 0

  async function loadStatus(): Promise<void> {
    const seq = ++statusSeq
    const result = await api.call('sync:status')
    // A slower, older answer must not overwrite a newer one (e.g. fetched right after `finished`).
    if (seq !== statusSeq) return
    if (result.ok) {
      status.value = result.value
      if (result.value.running && result.value.progress) progress.value = result.value.progress
      if (!result.value.running) progress.value = null
    } else {
      error.value = result.error
    }
  }

  async function start(): Promise<AppError | null> {
    if (starting.value) return null
    starting.value = true
    error.value = null
    try {
      // Nobody signed in (a newcomer, or after a restart without a kept sign-in): "Sync" opens the
      // sign-in first — a first click must not end on "your session expired" (DESIGN §1).
      if (auth.status?.state === 'signedOut') {
        const signInError = await auth.signIn()
        if (signInError) {
          error.value = signInError
          return signInError
        }
        // Gave up (closed the page): nothing to report. Read afresh: signIn() changed it.
        if (!auth.signedIn) return null
      }
      // Session expired: the call waits for the agent to sign in again, then starts.
      const result = await auth.withSignIn(() => api.call('sync:start'))
      if (!result.ok) {
        // Another window (or the CLI) started one: follow it rather than report an error.
        if (result.error.code === 'SYNC_IN_PROGRESS') {
          await loadStatus()
          return null
        }
        error.value = result.error
        return result.error
      }
      // Show the bar at once; the first `sync:progress` event replaces this placeholder.
      progress.value ??= {
        runId: result.value.runId,
        phase: 'starting',
        pages: 0,
        devices: 0,
        total: null,
        devicesPerSecond: 0,
        etaSeconds: null,
        elapsedMs: 0,
        apiVersion: 'beta',
      }
      if (status.value) status.value = { ...status.value, running: true }
      return null
    } finally {
      starting.value = false
    }
  }

  async function cancel(): Promise<void> {
    if (cancelling.value) return
    cancelling.value = true
    try {
      const result = await api.call('sync:cancel')
      if (!result.ok) error.value = result.error
    } finally {
      cancelling.value = false
    }
  }

  api.on('sync:progress', (payload) => {
    progress.value = payload
    if (status.value && !status.value.running) status.value = { ...status.value, running: true }
  })
  api.on('sync:finished', (payload) => {
    progress.value = null
    lastFinished.value = payload
    if (payload.outcome === 'succeeded') completedRuns.value++
    if (status.value) status.value = { ...status.value, running: false }
    void loadStatus()
  })
  api.onConnectionChange((state) => {
    if (state === 'connected') void loadStatus()
  })

  const running = computed(() => progress.value !== null || (status.value?.running ?? false))
  /** Never synced on this computer for this tenant: the Devices view offers "Sync now". */
  const neverSynced = computed(() => status.value !== null && status.value.lastSuccessAt === null)

  return {
    status: readonly(status),
    progress: readonly(progress),
    lastFinished: readonly(lastFinished),
    completedRuns: readonly(completedRuns),
    error: readonly(error),
    starting: readonly(starting),
    cancelling: readonly(cancelling),
    running,
    neverSynced,
    loadStatus,
    start,
    cancel,
  }
})

import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { ReachabilityStatus } from '@shared/api/schemas/connectivity'
import { useConnectionStore } from './connection'

/**
 * What the status bar and the banners say about the two links an agent depends on:
 * - `localLost`: this window lost Passcode Desk's own local service (core) — nothing else is known;
 * - `unreachable` / `reachable` / `unknown`: core's one reachability model of Intune (Graph),
 *   pushed as `connectivity:changed` (DESIGN §1). The browser's online flag is not used: it says
 *   nothing about whether Intune answers.
 */
export type ReachabilityView = 'localLost' | 'unreachable' | 'reachable' | 'unknown'

export function reachabilityView(
  status: Pick<ReachabilityStatus, 'intune'> | null,
  localLost: boolean,
): ReachabilityView {
  if (localLost) return 'localLost'
  return status?.intune ?? 'unknown'
}

export const useReachabilityStore = defineStore('reachability', () => {
  const connection = useConnectionStore()
  const status = shallowRef<ReachabilityStatus | null>(null)
  const checking = ref(false)

  async function load(): Promise<void> {
    const result = await api.call('connectivity:status')
    if (result.ok) status.value = result.value
  }

  /** "Try again": core probes Intune now; the answer (and the pushed event) updates the view. */
  async function check(): Promise<void> {
    if (checking.value) return
    checking.value = true
    try {
      const result = await api.call('connectivity:check')
      if (result.ok) status.value = result.value
    } finally {
      checking.value = false
    }
  }

  api.on('connectivity:changed', (next) => {
    status.value = next
  })
  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })

  const view = computed(() => reachabilityView(status.value, connection.lost))
  return {
    status: readonly(status),
    checking: readonly(checking),
    view,
    /** Intune does not answer (as far as core knows); false while the local service itself is lost. */
    intuneUnreachable: computed(() => view.value === 'unreachable'),
    /** When Intune stopped answering (ISO 8601), while it is unreachable. */
    unreachableSince: computed(() => (view.value === 'unreachable' ? (status.value?.since ?? null) : null)),
    load,
    check,
  }
})

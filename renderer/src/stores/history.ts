import { defineStore } from 'pinia'
import { readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { ActionRecord } from '@shared/api/schemas/actions'
import type { Locale } from '@shared/api/schemas/common'
import type { HistoryFilters, TeamTimeline } from '@shared/api/schemas/history'
import type { AppError } from '@shared/errors'
import { useAuthStore } from './auth'

/**
 * History (DESIGN §1 "history export"): this machine's actions from the profile's database (offline
 * too), the CSV export in the agent's language, and the team timeline when Graph is reachable. Core
 * applies every filter, to both lists (SQL for local rows, domain §3 audits in memory): the renderer
 * shows what core answers and never filters on its own.
 */
export const useHistoryStore = defineStore('history', () => {
  const auth = useAuthStore()
  const filters = ref<HistoryFilters>({})
  const rows = shallowRef<ActionRecord[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = shallowRef<AppError | null>(null)
  const teamView = ref(false)
  const team = shallowRef<TeamTimeline | null>(null)
  const teamLoading = ref(false)
  const teamError = shallowRef<AppError | null>(null)
  // An answer to an older request is dropped: the agent may type faster than core answers.
  let sequence = 0
  let teamSequence = 0

  async function load(): Promise<void> {
    const mine = ++sequence
    loading.value = true
    const result = await api.call('history:list', { filters: { ...filters.value }, limit: 500 })
    if (mine !== sequence) return
    loading.value = false
    if (!result.ok) {
      error.value = result.error
      return
    }
    error.value = null
    rows.value = result.value.rows
    total.value = result.value.total
  }

  async function loadTeam(): Promise<void> {
    const mine = ++teamSequence
    teamLoading.value = true
    const wanted = { ...filters.value }
    const result = await auth.withSignIn(() => api.call('history:team', wanted))
    if (mine !== teamSequence) return
    teamLoading.value = false
    if (!result.ok) {
      teamError.value = result.error
      team.value = null
      return
    }
    teamError.value = null
    team.value = result.value
  }

  /** New filters reload the list on screen (and the team timeline when it is shown). */
  function setFilters(next: HistoryFilters): void {
    filters.value = next
    void load()
    if (teamView.value) void loadTeam()
  }

  function setTeamView(on: boolean): void {
    teamView.value = on
    if (on) void loadTeam()
  }

  /** Builds the CSV in core and saves it through a download link (no file system access needed). */
  async function exportCsv(locale: Locale): Promise<AppError | null> {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const result = await api.call('history:export', { filters: { ...filters.value }, locale, timeZone })
    if (!result.ok) return result.error
    const blob = new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = result.value.filename
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return null
  }

  // A new or finished action shows up without a reload.
  api.on('actions:changed', (action) => {
    const index = rows.value.findIndex((r) => r.id === action.id)
    if (index >= 0) rows.value = rows.value.map((r) => (r.id === action.id ? action : r))
    else void load()
  })

  return {
    filters: readonly(filters),
    rows,
    total: readonly(total),
    loading: readonly(loading),
    error,
    teamView: readonly(teamView),
    team,
    teamLoading: readonly(teamLoading),
    teamError,
    load,
    loadTeam,
    setFilters,
    setTeamView,
    exportCsv,
  }
})

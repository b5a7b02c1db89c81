import { defineStore } from 'pinia'
import { readonly, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { UpdateStatus } from '@shared/api/schemas/updates'
import type { AppError } from '@shared/errors'

/** The updater's state (Electron host, organisation's feed): Settings → About shows it. */
export const useUpdatesStore = defineStore('updates', () => {
  const status = shallowRef<UpdateStatus | null>(null)
  const error = shallowRef<AppError | null>(null)

  async function load(): Promise<void> {
    const result = await api.call('updates:status')
    if (result.ok) status.value = result.value
    else error.value = result.error
  }
  /** Quits and installs the downloaded update. */
  async function install(): Promise<void> {
    const result = await api.call('updates:install')
    if (!result.ok) error.value = result.error
  }
  api.on('updates:changed', (next) => (status.value = next))
  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })
  return { status: readonly(status), error: readonly(error), load, install }
})

import { defineStore } from 'pinia'
import { computed, readonly, ref, shallowRef } from 'vue'
import { api } from '@renderer/api/client'
import type { FailureFacts } from '@shared/api/schemas/failure-facts'
import type { AppError } from '@shared/errors'
import { failureCauses, questionsFor } from '@shared/failure-causes'

/**
 * "Before the click" for the device on screen: core's facts (devices:failureFacts) and the causes
 * and questions the shared rules draw from them. An answer for a device the agent has left is
 * dropped (sequence per load).
 */
export const useFailureCausesStore = defineStore('failureCauses', () => {
  const deviceId = ref<string | null>(null)
  const facts = shallowRef<FailureFacts | null>(null)
  const error = shallowRef<AppError | null>(null)
  let seq = 0

  async function load(id: string): Promise<void> {
    const mine = ++seq
    if (deviceId.value !== id) facts.value = null
    deviceId.value = id
    error.value = null
    const result = await api.call('devices:failureFacts', { id })
    if (mine !== seq) return
    if (result.ok) facts.value = result.value
    else error.value = result.error
  }

  const causes = computed(() => (facts.value ? failureCauses(facts.value) : []))
  const questions = computed(() => questionsFor(causes.value))

  return { deviceId: readonly(deviceId), facts, error, causes, questions, load }
})

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FailureFacts } from '@shared/api/schemas/failure-facts'
import { useFailureCausesStore } from '@renderer/stores/failureCauses'
import { failureFacts } from '../../../support/failure-facts'
import { fake, flush } from './fake-client'
import { ok } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const facts = (deviceId: string, partial: Partial<FailureFacts> = {}): FailureFacts =>
  failureFacts({ deviceId, action: 'removePasscode', lastCheckIn: '2026-11-01T12:00:00Z', ...partial })

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('useFailureCausesStore', () => {
  it('turns core’s facts into causes and questions with the shared rules', async () => {
    const store = useFailureCausesStore()
    void store.load('d1')
    fake
      .take('devices:failureFacts')[0]!
      .resolve(ok(facts('d1', { approvalRequired: { count: 2, lastAt: '2026-11-20T00:00:00Z' } })))
    await flush()
    expect(store.causes.map((c) => c.kind)).toEqual(['staleCheckIn', 'approvalRequired'])
    expect(store.questions).toEqual(['lastUsed', 'approvalWait'])
  })

  it('keeps the facts of the device the agent opened last', async () => {
    const store = useFailureCausesStore()
    void store.load('a')
    void store.load('b')
    const [a, b] = fake.take('devices:failureFacts')
    b!.resolve(ok(facts('b', { outOfScope: true })))
    await flush()
    a!.resolve(ok(facts('a')))
    await flush()
    expect(store.facts?.deviceId).toBe('b')
    expect(store.causes[0]?.kind).toBe('outOfScope')
  })

  it('keeps the error when the facts cannot be read', async () => {
    const store = useFailureCausesStore()
    void store.load('a')
    fake.take('devices:failureFacts')[0]!.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'x' } })
    await flush()
    expect(store.error?.code).toBe('NOT_FOUND')
    expect(store.causes).toEqual([])
  })
})

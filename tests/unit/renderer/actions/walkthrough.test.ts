// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRecord } from '@shared/api/schemas/actions'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { callerFromSearch, useWalkthroughStore } = await import('@renderer/stores/walkthrough')
const { useAuthStore } = await import('@renderer/stores/auth')

const action = (over: Partial<ActionRecord> = {}) =>
  ({ id: 'a1', deviceId: 'd1', state: 'pending', ...over }) as ActionRecord

describe('callerFromSearch', () => {
  const helene = { userDisplayName: 'Hélène Durand', userPrincipalName: 'hdurand@contoso.example' }
  it("uses the device user's display name when the search matched the user, never the typed text", () => {
    expect(callerFromSearch('helene dur', helene)).toBe('Hélène Durand')
    expect(callerFromSearch('Hélène', helene)).toBe('Hélène Durand')
    expect(callerFromSearch('zoe belanger', { userDisplayName: 'Zoé Bélanger' })).toBe('Zoé Bélanger')
    // The sign-in name's local part is the user too.
    expect(callerFromSearch('hdurand', helene)).toBe('Hélène Durand')
  })

  it('leaves the field empty when the search matched something else', () => {
    expect(callerFromSearch('Zoé', helene)).toBeNull()
    expect(callerFromSearch('helene martin', helene)).toBeNull()
    expect(callerFromSearch('F2LXK', helene)).toBeNull()
    expect(callerFromSearch('iPhone 15', helene)).toBeNull()
    expect(callerFromSearch('06 97 13 93 15', helene)).toBeNull()
    expect(callerFromSearch('', helene)).toBeNull()
    expect(callerFromSearch('helene', { userDisplayName: null, userPrincipalName: 'helene@x' })).toBeNull()
  })
})

describe('useWalkthroughStore', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.useRealTimers())

  it('re-reads whether the action can be sent as soon as Intune is lost or comes back', async () => {
    const store = useWalkthroughStore()
    let reachable = true
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'actions:availability')
        return {
          ok: true,
          value: reachable
            ? { available: true, reason: null, agentUpn: 'a@b' }
            : { available: false, reason: 'OFFLINE', agentUpn: 'a@b' },
        }
      if (channel === 'devices:get') return { ok: true, value: { id: 'd1', user: { userDisplayName: null } } }
      return { ok: true, value: {} }
    })
    await store.start('d1').catch(() => {})
    await vi.waitFor(() => expect(store.availability?.available).toBe(true))
    reachable = false
    client.current.emit('connectivity:changed', {
      intune: 'unreachable',
      since: '2026-12-01T14:05:00.000Z',
      checkedAt: '2026-12-01T14:05:00.000Z',
      failure: 'OFFLINE',
    })
    await vi.waitFor(() => expect(store.availability?.reason).toBe('OFFLINE'))
    reachable = true
    client.current.emit('connectivity:changed', {
      intune: 'reachable',
      since: '2026-12-01T14:09:00.000Z',
      checkedAt: '2026-12-01T14:09:00.000Z',
      failure: null,
    })
    await vi.waitFor(() => expect(store.availability?.available).toBe(true))
  })

  it('a double click issues once; a retry after an error reuses the same idempotency key', async () => {
    const store = useWalkthroughStore()
    client.current.call.mockImplementation(async (channel) =>
      channel === 'actions:issue'
        ? { ok: false, error: { code: 'OFFLINE', message: 'lost' } }
        : { ok: true, value: {} },
    )
    await store.start('d1').catch(() => {})
    client.current.call.mockClear()
    await Promise.all([store.issue(), store.issue()])
    const issues = () => client.current.call.mock.calls.filter(([c]) => c === 'actions:issue')
    expect(issues()).toHaveLength(1)
    expect(store.issueError?.code).toBe('OFFLINE')
    client.current.call.mockImplementation(async (channel) =>
      channel === 'actions:issue' ? { ok: true, value: action() } : { ok: true, value: {} },
    )
    expect(await store.issue()).toBe(true)
    const keys = issues().map(([, input]) => (input as { idempotencyKey: string }).idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
    expect(store.step).toBe('status')
  })

  it('an expired sign-in parks the issue; after signing in again it is sent once, same key, answers kept', async () => {
    const store = useWalkthroughStore()
    const auth = useAuthStore()
    let signedIn = false
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'actions:issue')
        return signedIn
          ? { ok: true, value: action() }
          : { ok: false, error: { code: 'AUTH_REQUIRED', message: 'x' } }
      if (channel === 'auth:signIn') {
        signedIn = true
        return { ok: true, value: { state: 'signedIn' } }
      }
      if (channel === 'devices:get') return { ok: true, value: { id: 'd1', user: { userDisplayName: null } } }
      return { ok: true, value: {} }
    })
    await store.start('d1')
    store.ticket = 'INC-0042'
    const issued = store.issue()
    await new Promise((r) => setTimeout(r, 0))
    expect(auth.parkedCount).toBe(1)
    expect(store.step).not.toBe('status')
    expect(await auth.signIn()).toBeNull()
    expect(await issued).toBe(true)
    const issues = client.current.call.mock.calls.filter(([c]) => c === 'actions:issue')
    expect(issues).toHaveLength(2)
    const inputs = issues.map(([, input]) => input as { idempotencyKey: string; ticketReference: string })
    expect(inputs[0]!.idempotencyKey).toBe(inputs[1]!.idempotencyKey)
    expect(inputs[1]!.ticketReference).toBe('INC-0042')
    expect(store.step).toBe('status')
  })

  it('hides the revealed passcode when core forgets it (60 s), and on request', async () => {
    vi.useFakeTimers({ now: 0 })
    const store = useWalkthroughStore()
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'actions:issue')
        return { ok: true, value: action({ state: 'done', hasPasscode: true }) }
      if (channel === 'actions:revealPasscode')
        return { ok: true, value: { passcode: 'k7p2mx9q', expiresAt: new Date(60_000).toISOString() } }
      if (channel === 'devices:get') return { ok: true, value: { id: 'd1', user: { userDisplayName: null } } }
      return { ok: true, value: { forgotten: true } }
    })
    await store.start('d1')
    await store.issue()
    await store.revealPasscode()
    expect(store.passcode).toBe('k7p2mx9q')
    vi.advanceTimersByTime(59_999)
    expect(store.passcode).toBe('k7p2mx9q')
    vi.advanceTimersByTime(1)
    expect(store.passcode).toBeNull()
    await store.revealPasscode()
    await store.hidePasscode()
    expect(store.passcode).toBeNull()
    expect(client.current.call).toHaveBeenCalledWith('actions:hidePasscode', { actionId: 'a1' })
  })
  it('copy, then the 60 s auto-hide: core forgets it and the clipboard is emptied (browser host)', async () => {
    vi.useFakeTimers({ now: 0, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    const board = { text: '' }
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: {
        writeText: async (text: string) => void (board.text = text),
        readText: async () => board.text,
      },
    })
    Object.defineProperty(navigator, 'permissions', {
      configurable: true,
      value: { query: async () => ({ state: 'granted' }) },
    })
    vi.spyOn(document, 'hasFocus').mockReturnValue(true)
    const store = useWalkthroughStore()
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'actions:issue')
        return { ok: true, value: action({ state: 'done', hasPasscode: true }) }
      if (channel === 'actions:revealPasscode')
        return { ok: true, value: { passcode: 'k7p2mx9q', expiresAt: new Date(60_000).toISOString() } }
      if (channel === 'devices:get') return { ok: true, value: { id: 'd1', user: { userDisplayName: null } } }
      return { ok: true, value: { forgotten: true, clipboard: 'notCopied' } }
    })
    await store.start('d1')
    await store.issue()
    await store.revealPasscode()
    expect(await store.copyPasscode()).toBe(true)
    expect(board.text).toBe('k7p2mx9q')
    vi.advanceTimersByTime(60_000)
    await vi.waitFor(() => expect(board.text).toBe(''))
    expect(store.passcode).toBeNull()
    expect(client.current.call).toHaveBeenCalledWith('actions:hidePasscode', { actionId: 'a1' })
    const { usePasscodeClipboardStore } = await import('@renderer/stores/passcodeClipboard')
    expect(usePasscodeClipboardStore().notice).toBe('cleared')
    vi.restoreAllMocks()
  })
  it('a history row reopens at the step it was left at, with what was recorded', async () => {
    const recorded = (over: Partial<ActionRecord>) =>
      action({
        state: 'done',
        callerName: 'Zoé Bélanger',
        verification: { checks: ['employeeId'], callerName: 'Zoé Bélanger' },
        preconditionsConfirmed: ['workProfileResetTokenActivated'],
        ticketReference: 'INC-7',
        outcomeNote: null,
        finishedAt: null,
        ...over,
      })
    let current = recorded({})
    const steps: string[] = []
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'actions:get') return { ok: true, value: { action: current, transitions: [] } }
      if (channel === 'devices:get') {
        return { ok: true, value: { id: 'd1', user: { userDisplayName: 'Zoé Bélanger' } } }
      }
      return { ok: true, value: {} }
    })
    const store = useWalkthroughStore()
    const { watch } = await import('vue')
    // The step the page renders when the device appears is already the right one.
    watch(
      () => store.detail,
      (d) => d && steps.push(store.step),
    )
    await store.start('d1', { existingActionId: 'a1' })
    expect(store.step).toBe('status')
    expect(store).toMatchObject({ callerName: 'Zoé Bélanger', ticket: 'INC-7', finished: false })
    expect(store.checks).toEqual(['employeeId'])

    current = recorded({ outcomeNote: 'Unlocked.', finishedAt: '2026-12-01T10:00:00.000Z' })
    await store.start('d1', { existingActionId: 'a1' })
    expect(store.step).toBe('finish')
    expect(store).toMatchObject({ note: 'Unlocked.', finished: true })
    await new Promise((r) => setTimeout(r, 0))
    expect(steps[0]).toBe('status')
    expect(steps).not.toContain('verify')
  })
})

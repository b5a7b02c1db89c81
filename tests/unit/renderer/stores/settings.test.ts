// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { DEFAULT_SETTINGS, type Settings } from '@shared/api/schemas/settings'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { useSettingsStore } = await import('@renderer/stores/settings')
const { i18n } = await import('@renderer/i18n')

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const saved = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch })

function setLanguages(languages: string[]) {
  Object.defineProperty(navigator, 'languages', { value: languages, configurable: true })
}

describe('useSettingsStore', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    setActivePinia(createPinia())
    setLanguages(['en-US'])
    localStorage.clear()
  })
  afterEach(() => vi.restoreAllMocks())

  it('loads the saved settings when the bridge connects and applies their language and theme', async () => {
    client.current.call.mockResolvedValue({ ok: true, value: saved({ locale: 'fr', theme: 'dark' }) })
    const store = useSettingsStore()
    expect(client.current.call).not.toHaveBeenCalled()

    client.current.setState('connected')
    await flush()
    expect(client.current.call).toHaveBeenCalledWith('settings:get')
    expect(store.loaded).toBe(true)
    expect(store.locale).toBe('fr')
    expect(store.theme).toBe('dark')
    await nextTick()
    expect(i18n.global.locale.value).toBe('fr')
    expect(document.documentElement.lang).toBe('fr')
    expect(document.documentElement.dataset.theme).toBe('dark')
  })

  it("'system' follows the OS languages (any French → fr, else en)", async () => {
    setLanguages(['fr-CA', 'en-US'])
    client.current.call.mockResolvedValue({ ok: true, value: saved({ locale: 'system' }) })
    const store = useSettingsStore()
    client.current.setState('connected')
    await flush()
    expect(store.localePreference).toBe('system')
    expect(store.systemLocale).toBe('fr')
    expect(store.locale).toBe('fr')

    setLanguages(['de-DE'])
    window.dispatchEvent(new Event('languagechange'))
    expect(store.locale).toBe('en')
  })

  it('saves a change through settings:update and adopts what core returns', async () => {
    const store = useSettingsStore()
    client.current.call.mockResolvedValue({ ok: true, value: saved({ locale: 'en', theme: 'light' }) })
    const error = await store.update({ locale: 'en', theme: 'light' })
    expect(error).toBeNull()
    expect(client.current.call).toHaveBeenCalledWith('settings:update', { locale: 'en', theme: 'light' })
    expect(store.localePreference).toBe('en')
    expect(store.themePreference).toBe('light')
  })

  it('returns the coded error and keeps the previous preference when core refuses', async () => {
    const store = useSettingsStore()
    client.current.call.mockResolvedValue({ ok: false, error: { code: 'OFFLINE', message: 'lost' } })
    const error = await store.update({ locale: 'fr' })
    expect(error).toEqual({ code: 'OFFLINE', message: 'lost' })
    expect(store.localePreference).toBe(DEFAULT_SETTINGS.locale)
  })

  it('follows settings:changed pushed by core (another window changed them)', () => {
    const store = useSettingsStore()
    client.current.emit('settings:changed', saved({ theme: 'dark', locale: 'fr' }))
    expect(store.themePreference).toBe('dark')
    expect(store.locale).toBe('fr')
    expect(store.loaded).toBe(true)
  })

  it('reloads after a reconnection, and keeps the error if loading fails', async () => {
    client.current.call.mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'x' } })
    const store = useSettingsStore()
    client.current.setState('connected')
    await flush()
    expect(store.error?.code).toBe('INTERNAL')
    expect(store.loaded).toBe(false)

    client.current.call.mockResolvedValueOnce({ ok: true, value: saved({ theme: 'light' }) })
    client.current.setState('closed')
    client.current.setState('connected')
    await flush()
    expect(client.current.call).toHaveBeenCalledTimes(2)
    expect(store.error).toBeNull()
    expect(store.theme).toBe('light')
  })

  it('starts from the last known appearance before core answers (no flash of the wrong theme)', async () => {
    useSettingsStore()
    client.current.emit('settings:changed', saved({ theme: 'dark', locale: 'fr' }))
    await nextTick()

    setActivePinia(createPinia())
    client.current = createFakeClient()
    const next = useSettingsStore()
    expect(client.current.call).not.toHaveBeenCalled()
    expect(next.theme).toBe('dark')
    expect(next.locale).toBe('fr')
    expect(next.loaded).toBe(false)
  })

  it('ignores a damaged local hint', () => {
    localStorage.setItem('passcode-desk.appearance', '{"theme":"purple","locale":42')
    expect(useSettingsStore().themePreference).toBe('system')
    localStorage.setItem('passcode-desk.appearance', '{"theme":"purple","locale":"fr"}')
    setActivePinia(createPinia())
    const store = useSettingsStore()
    expect(store.themePreference).toBe('system')
    expect(store.localePreference).toBe('fr')
  })

  it('does not expose its private state', () => {
    const store = useSettingsStore()
    expect(Object.keys(store.$state)).not.toContain('settings')
  })
})

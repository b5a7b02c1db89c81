import { defineStore } from 'pinia'
import { usePreferredDark } from '@vueuse/core'
import { computed, readonly, ref, shallowRef, watch } from 'vue'
import { api } from '@renderer/api/client'
import { applyLocale, systemLocale } from '@renderer/i18n'
import type { Locale } from '@shared/api/schemas/common'
import {
  DEFAULT_SETTINGS,
  localePreference,
  themePreference,
  type Settings,
  type SettingsUpdate,
} from '@shared/api/schemas/settings'
import type { AppError } from '@shared/errors'

export type EffectiveTheme = 'light' | 'dark'

/**
 * The last language/theme preference, mirrored locally so the first frame already has the right
 * colours and words before core answers (core's settings.json stays the source of truth).
 */
const HINT_KEY = 'passcode-desk.appearance'

function readHint(): Settings {
  try {
    const raw = JSON.parse(localStorage.getItem(HINT_KEY) ?? 'null') as Partial<Settings> | null
    return {
      ...DEFAULT_SETTINGS,
      locale: localePreference.safeParse(raw?.locale).data ?? DEFAULT_SETTINGS.locale,
      theme: themePreference.safeParse(raw?.theme).data ?? DEFAULT_SETTINGS.theme,
    }
  } catch {
    return DEFAULT_SETTINGS
  }
}

function writeHint(value: Settings): void {
  try {
    localStorage.setItem(HINT_KEY, JSON.stringify({ locale: value.locale, theme: value.theme }))
  } catch {
    // No storage (private mode, opaque origin): the hint is only a nicety.
  }
}

/**
 * The agent's preferences as core keeps them (`settings:get` / `settings:update`, persisted in the
 * data folder), plus what they resolve to on this machine: 'system' follows the OS language
 * (navigator.languages) and the OS colour scheme (prefers-color-scheme), live.
 */
export const useSettingsStore = defineStore('settings', () => {
  const settings = shallowRef<Settings>(readHint())
  watch(settings, writeHint)
  const loaded = ref(false)
  const error = shallowRef<AppError | null>(null)
  const osLocale = ref<Locale>(systemLocale())
  const osDark = usePreferredDark()

  if (typeof window !== 'undefined') {
    window.addEventListener('languagechange', () => (osLocale.value = systemLocale()))
  }

  const locale = computed<Locale>(() =>
    settings.value.locale === 'system' ? osLocale.value : settings.value.locale,
  )
  const theme = computed<EffectiveTheme>(() => {
    const preference = settings.value.theme
    if (preference === 'system') return osDark.value ? 'dark' : 'light'
    return preference
  })

  watch(locale, applyLocale, { immediate: true })
  watch(
    theme,
    (value) => {
      if (typeof document === 'undefined') return
      // Native controls (scrollbars, form widgets) follow the same scheme as Naive UI.
      document.documentElement.style.colorScheme = value
      document.documentElement.dataset.theme = value
    },
    { immediate: true },
  )

  async function load(): Promise<void> {
    const result = await api.call('settings:get')
    if (result.ok) {
      settings.value = result.value
      loaded.value = true
      error.value = null
    } else {
      error.value = result.error
    }
  }

  /** Saves a change through core (which persists it and tells every window). Returns the error, if any. */
  async function update(patch: SettingsUpdate): Promise<AppError | null> {
    const result = await api.call('settings:update', patch)
    if (!result.ok) return result.error
    settings.value = result.value
    return null
  }

  // Another window (or the CLI) changed them: follow along.
  api.on('settings:changed', (next) => {
    settings.value = next
    loaded.value = true
  })
  // Fetch on every (re)connection: they may have changed while this window was cut off.
  api.onConnectionChange((state) => {
    if (state === 'connected') void load()
  })

  return {
    localePreference: computed(() => settings.value.locale),
    themePreference: computed(() => settings.value.theme),
    policy: computed(() => settings.value.policy),
    syncSettings: computed(() => settings.value.sync),
    /** The team's ticket note templates (null = the built-in note). */
    ticketNote: computed(() => settings.value.ticketNote),
    systemLocale: readonly(osLocale),
    locale,
    theme,
    loaded: readonly(loaded),
    error: readonly(error),
    load,
    update,
  }
})

import type { GlobalTheme } from 'naive-ui'
import { ref, shallowRef, watch, type Ref } from 'vue'

/**
 * Naive UI's dark theme, loaded only when the dark theme is in use (DESIGN §5, first paint): it
 * carries a dark style for every component of the kit, about a third of the initial script, which
 * a light-theme start never needs. `ready` stays false while a dark start waits for it (a few ms
 * from the local host), so the first frame is never drawn in the wrong theme.
 */
let cached: GlobalTheme | null = null

export function useNaiveTheme(theme: Readonly<Ref<'light' | 'dark'>>) {
  const naiveTheme = shallowRef<GlobalTheme | null>(theme.value === 'dark' ? cached : null)
  const ready = ref(theme.value !== 'dark' || cached !== null)
  watch(
    theme,
    async (value) => {
      if (value !== 'dark') {
        naiveTheme.value = null
        ready.value = true
        return
      }
      cached ??= (await import('naive-ui/es/themes/dark')).darkTheme
      if (theme.value === 'dark') naiveTheme.value = cached
      ready.value = true
    },
    { immediate: true },
  )
  return { naiveTheme, ready }
}

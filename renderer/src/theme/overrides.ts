import type { GlobalThemeOverrides } from 'naive-ui'

/**
 * Looks native on both desktops: the OS's own UI font (San Francisco on macOS, Segoe UI Variable on
 * Windows 11), a calm blue close to Fluent's brand colour, modest radii and compact sizes.
 */
export const SYSTEM_FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI Variable", "Segoe UI", system-ui, sans-serif'
export const MONO_FONT = 'ui-monospace, "SF Mono", "Cascadia Mono", Consolas, "Liberation Mono", monospace'

const shared: GlobalThemeOverrides['common'] = {
  fontFamily: SYSTEM_FONT,
  fontFamilyMono: MONO_FONT,
  fontSize: '14px',
  fontSizeMedium: '14px',
  borderRadius: '6px',
  borderRadiusSmall: '4px',
}

export const lightOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#0f6cbd',
    primaryColorHover: '#115ea3',
    primaryColorPressed: '#0f548c',
    primaryColorSuppl: '#115ea3',
    // Naive's default info blue (#2080f0) is too light for small text on white (WCAG AA 4.5:1).
    infoColor: '#0f6cbd',
    infoColorHover: '#115ea3',
    infoColorPressed: '#0f548c',
    infoColorSuppl: '#115ea3',
    bodyColor: '#ffffff',
    textColorBase: '#1f2328',
    // Secondary text must still reach WCAG AA (4.5:1) on white; Naive's default grey does not.
    textColor3: '#5f656d',
  },
}

export const darkOverrides: GlobalThemeOverrides = {
  common: {
    ...shared,
    primaryColor: '#4ea1f3',
    primaryColorHover: '#6cb2f6',
    primaryColorPressed: '#2f8ae6',
    primaryColorSuppl: '#6cb2f6',
    bodyColor: '#17181b',
    // Same for secondary text on the dark body (Naive's 38% white is about 3.9:1).
    textColor3: 'rgba(255, 255, 255, 0.58)',
    cardColor: '#1e1f23',
  },
}

/** Frame colours Naive UI has no token for: side bar and status bar surfaces. */
export const frameColors = {
  light: {
    sidebar: '#f4f5f7',
    statusBar: '#f4f5f7',
    border: '#e2e4e8',
    muted: '#5b6270',
    selected: '#e3edf9',
  },
  dark: {
    sidebar: '#1f2024',
    statusBar: '#1f2024',
    border: '#2e3036',
    muted: '#a4aab6',
    selected: '#22354d',
  },
} as const

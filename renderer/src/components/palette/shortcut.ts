/**
 * Ctrl+K opens the palette, ⌘K on macOS (the convention of VS Code, Slack and the Microsoft 365 apps
 * on each system). On macOS Ctrl+K stays the text field's "delete to end of line".
 */
export function isMacPlatform(nav: Pick<Navigator, 'platform' | 'userAgent'> = navigator): boolean {
  return /Mac|iPhone|iPad/i.test(nav.platform || nav.userAgent)
}

export function isPaletteShortcut(event: KeyboardEvent, mac = isMacPlatform()): boolean {
  if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey || event.repeat) return false
  return mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
}

export function shortcutLabel(mac = isMacPlatform()): string {
  return mac ? '⌘K' : 'Ctrl+K'
}

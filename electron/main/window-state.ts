/**
 * Remembers the window's size, position and maximized state between launches, in
 * `<userData>/window-state.json`. Bounds are restored only when they still fit on a connected
 * display (a laptop undocked from its second screen must not open the window off-screen).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { BrowserWindow, Rectangle, Screen } from 'electron'

export interface WindowState {
  readonly bounds?: Rectangle
  readonly maximized: boolean
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const
const MIN_VISIBLE = 64

function isRectangle(value: unknown): value is Rectangle {
  if (!value || typeof value !== 'object') return false
  const r = value as Record<string, unknown>
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]))
}

/** True when at least a usable part of `bounds` (its title-bar area) lies on some display's work area. */
export function isOnSomeDisplay(bounds: Rectangle, screen: Pick<Screen, 'getAllDisplays'>): boolean {
  return screen.getAllDisplays().some(({ workArea: a }) => {
    const overlapX = Math.min(bounds.x + bounds.width, a.x + a.width) - Math.max(bounds.x, a.x)
    const titleBarOnScreen = bounds.y >= a.y - 8 && bounds.y < a.y + a.height - MIN_VISIBLE / 2
    return overlapX >= MIN_VISIBLE && titleBarOnScreen
  })
}

/** Reads the saved state; anything missing, corrupt or off-screen falls back to defaults. */
export function loadWindowState(file: string, screen: Pick<Screen, 'getAllDisplays'>): WindowState {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return { maximized: false }
  }
  const saved = (raw && typeof raw === 'object' ? raw : {}) as { bounds?: unknown; maximized?: unknown }
  const maximized = saved.maximized === true
  if (!isRectangle(saved.bounds) || saved.bounds.width < 400 || saved.bounds.height < 300)
    return { maximized }
  if (!isOnSomeDisplay(saved.bounds, screen)) return { maximized }
  return { bounds: saved.bounds, maximized }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state))
  renameSync(tmp, file)
}

/** Saves on resize/move (debounced) and on close; normal bounds are kept while maximized. */
export function trackWindowState(win: BrowserWindow, file: string, delayMs = 500): void {
  let timer: NodeJS.Timeout | undefined
  const save = () => {
    clearTimeout(timer)
    if (win.isDestroyed()) return
    try {
      saveWindowState(file, { bounds: win.getNormalBounds(), maximized: win.isMaximized() })
    } catch {
      // A read-only profile must not stop the app; the next launch just uses defaults.
    }
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, delayMs)
  }
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event as 'resize', later)
  win.on('close', save)
}

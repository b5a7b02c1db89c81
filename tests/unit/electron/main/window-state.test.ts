// Electron host wiring: window-state persistence with a stand-in `screen` (no real displays).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, Screen } from 'electron'
import {
  isOnSomeDisplay,
  loadWindowState,
  saveWindowState,
  trackWindowState,
} from '../../../../electron/main/window-state'
import { FakeBrowserWindow } from './fakes'

const display = (x: number, y: number, width: number, height: number) => ({
  workArea: { x, y, width, height },
})
/** One 1920×1080 laptop screen, as after undocking from a second monitor on the right. */
const laptopOnly = { getAllDisplays: () => [display(0, 0, 1920, 1040)] } as unknown as Screen
const docked = {
  getAllDisplays: () => [display(0, 0, 1920, 1040), display(1920, 0, 2560, 1400)],
} as unknown as Screen

let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pd-winstate-'))
  file = join(dir, 'window-state.json')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('window state', () => {
  it('restores bounds and maximized state that fit on a connected display', () => {
    saveWindowState(file, { bounds: { x: 100, y: 80, width: 1200, height: 800 }, maximized: true })
    expect(loadWindowState(file, laptopOnly)).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 800 },
      maximized: true,
    })
  })

  it('ignores bounds that are on a display no longer connected (keeps only maximized)', () => {
    const onSecondScreen = { x: 2200, y: 100, width: 1200, height: 800 }
    saveWindowState(file, { bounds: onSecondScreen, maximized: false })
    expect(loadWindowState(file, docked).bounds).toEqual(onSecondScreen)
    expect(loadWindowState(file, laptopOnly)).toEqual({ maximized: false })
  })

  it('ignores bounds whose title bar is off-screen (above or below every display)', () => {
    expect(isOnSomeDisplay({ x: 100, y: -600, width: 1200, height: 800 }, laptopOnly)).toBe(false)
    expect(isOnSomeDisplay({ x: 100, y: 1030, width: 1200, height: 800 }, laptopOnly)).toBe(false)
    expect(isOnSomeDisplay({ x: -1190, y: 100, width: 1200, height: 800 }, laptopOnly)).toBe(false)
    expect(isOnSomeDisplay({ x: -200, y: 100, width: 1200, height: 800 }, laptopOnly)).toBe(true)
  })

  it('falls back to defaults for a missing, corrupt or nonsensical file', () => {
    expect(loadWindowState(file, laptopOnly)).toEqual({ maximized: false })
    writeFileSync(file, '{not json')
    expect(loadWindowState(file, laptopOnly)).toEqual({ maximized: false })
    writeFileSync(file, JSON.stringify({ bounds: { x: 'a', y: 0, width: 10, height: 10 }, maximized: 'yes' }))
    expect(loadWindowState(file, laptopOnly)).toEqual({ maximized: false })
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: 50, height: 50 }, maximized: false }))
    expect(loadWindowState(file, laptopOnly)).toEqual({ maximized: false })
  })

  it('saves normal bounds and maximized state when the window moves and closes', () => {
    vi.useFakeTimers()
    try {
      const win = new FakeBrowserWindow()
      trackWindowState(win as unknown as BrowserWindow, file, 100)
      win.normalBounds = { x: 5, y: 6, width: 1100, height: 750 }
      win.maximized = true
      win.emit('resize')
      vi.advanceTimersByTime(150)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        bounds: { x: 5, y: 6, width: 1100, height: 750 },
        maximized: true,
      })
      win.maximized = false
      win.emit('close')
      expect(JSON.parse(readFileSync(file, 'utf8')).maximized).toBe(false)
    } finally {
      vi.useRealTimers()
    }
  })
})

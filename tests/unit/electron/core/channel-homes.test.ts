import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNELS } from '@shared/api/channels'

/**
 * DESIGN §1: channel `domain:verb` is handled in `electron/core/<domain>/`, so a channel's name says
 * where its code lives. Every handler definition (`'domain:verb'(…)` or `'domain:verb': …` as an
 * object key) found in core must sit in its domain's folder, and every channel must have one.
 */
const CORE = resolve(import.meta.dirname, '../../../../electron/core')
const HANDLER_KEY = /(?:^|[{,])\s*(?:async\s+)?'([a-z]+):([A-Za-z]+)'\s*(?:\(|:)/gm

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

const definitions = sources(CORE).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(HANDLER_KEY)].map((m) => ({
    channel: `${m[1]}:${m[2]}`,
    domain: m[1]!,
    file: relative(CORE, file).replaceAll('\\', '/'),
  })),
)

describe('channel homes (DESIGN §1)', () => {
  it('finds the handlers it is looking at', () => {
    expect(definitions.length).toBeGreaterThanOrEqual(CHANNELS.length)
  })

  it('every handler lives in electron/core/<its domain>/', () => {
    const misplaced = definitions
      .filter((d) => !d.file.startsWith(`${d.domain}/`))
      .map((d) => `${d.channel} in electron/core/${d.file}`)
    expect(misplaced).toEqual([])
  })

  it('every channel of the contract has a handler definition', () => {
    const defined = new Set(definitions.map((d) => d.channel))
    expect(CHANNELS.filter((c) => !defined.has(c))).toEqual([])
  })
})

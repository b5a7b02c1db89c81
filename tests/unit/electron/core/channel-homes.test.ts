import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
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

/** DESIGN §1: each domain folder that owns channels exports `create<Domain>Module` from its index.ts. */
const DOMAINS = [...new Set(CHANNELS.map((c) => c.split(':')[0]!))].sort()
const moduleName = (domain: string) => `create${domain[0]!.toUpperCase()}${domain.slice(1)}Module`

describe('domain modules (DESIGN §1: one composition root)', () => {
  it('sees every domain of the contract', () => {
    expect(DOMAINS).toEqual(expect.arrayContaining(['actions', 'auth', 'devices', 'history', 'sync']))
  })

  it.each(DOMAINS)('electron/core/%s/index.ts exports its create*Module', (domain) => {
    const file = join(CORE, domain, 'index.ts')
    expect(existsSync(file), `electron/core/${domain}/index.ts`).toBe(true)
    const exported = new RegExp(
      `export\\s+(?:async\\s+)?function\\s+${moduleName(domain)}\\s*\\(|export\\s*\\{[^}]*\\b${moduleName(domain)}\\b`,
    )
    expect(readFileSync(file, 'utf8')).toMatch(exported)
  })

  it('createCore builds every domain through its module, and no handler set of its own', () => {
    const root = readFileSync(join(CORE, 'index.ts'), 'utf8')
    const missing = DOMAINS.filter((d) => !new RegExp(`\\b${moduleName(d)}\\(`).test(root))
    expect(missing).toEqual([])
    expect(root.match(/\bcreate[A-Z]\w*Handlers\(/g) ?? []).toEqual([])
  })
})

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * DESIGN §1 "one composition root": only `electron/core/index.ts` (createCore) calls the domain
 * modules' builders, and only `graph/session-client.ts` builds a Graph client, so a host or a
 * module cannot grow a second way of assembling core.
 */
const ELECTRON = resolve(import.meta.dirname, '../../../../electron')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Files that CALL `name(` — a definition (`function name(`) is not a call. */
function callers(pattern: RegExp): string[] {
  return sources(ELECTRON)
    .filter((file) =>
      [...readFileSync(file, 'utf8').matchAll(pattern)].some(
        (m) => !/function\s+$/.test(m.input.slice(Math.max(0, m.index - 12), m.index)),
      ),
    )
    .map((file) => relative(ELECTRON, file).replaceAll('\\', '/'))
    .sort()
}

describe('composition roots (DESIGN §1)', () => {
  it('the call finder tells a call from a definition', () => {
    const text = 'export function createXModule(a) {}\nconst y = createYModule(1)\n'
    const found = [...text.matchAll(/\bcreate[A-Z]\w*Module\(/g)].filter(
      (m) => !/function\s+$/.test(m.input.slice(Math.max(0, m.index - 12), m.index)),
    )
    expect(found.map((m) => m[0])).toEqual(['createYModule('])
  })

  it('only createCore builds the domain modules', () => {
    expect(callers(/\bcreate[A-Z]\w*Module\(/g)).toEqual(['core/index.ts'])
  })

  it('one Graph client factory', () => {
    expect(callers(/\bcreateGraphClient\(/g)).toEqual(['core/graph/session-client.ts'])
  })
})

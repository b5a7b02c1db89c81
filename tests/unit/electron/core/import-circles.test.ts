import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * DESIGN §1 "one composition root": `index.ts` builds core and nothing in core imports it back, and
 * no two modules import each other (type-only imports count: they are how circles start). A small
 * madge-like reader over import/export statements, static and dynamic.
 */
const ELECTRON = resolve(import.meta.dirname, '../../../../electron')
const CORE = join(ELECTRON, 'core')

const SPECIFIERS =
  /(?:^|[\n;])\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Relative specifiers only: `@shared/` cannot import electron (lint), npm packages are leaves. */
function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = resolve(dirname(from), specifier)
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(SPECIFIERS)]
    .map((m) => resolveSpecifier(file, (m[1] ?? m[2] ?? m[3])!))
    .filter((target): target is string => target !== null)
}

/** Strongly connected components of two or more modules (or a module importing itself): Tarjan. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

function graphOf(dir: string): Map<string, string[]> {
  return new Map(sources(dir).map((file) => [file, importsOf(file, readFileSync(file, 'utf8'))]))
}

describe('import circles (DESIGN §1)', () => {
  it('the reader sees static, type-only, re-export, side-effect and dynamic imports', () => {
    const from = join(CORE, 'actions/service.ts')
    const text = [
      "import type { HostCapabilities } from '../host'",
      "import {\n  createPoller,\n  type Poller,\n} from './poller'",
      "export { createDeviceHandlers } from '../devices/handlers'",
      "import '../log'",
      "const m = await import('../router')",
      "import { z } from 'zod'",
    ].join('\n')
    expect(importsOf(from, text).map((f) => relative(CORE, f))).toEqual([
      'host.ts',
      'actions/poller.ts',
      'devices/handlers.ts',
      'log.ts',
      'router.ts',
    ])
  })

  it('finds a circle when there is one, and none in a chain', () => {
    const ring = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(circles(ring)).toEqual([['a', 'b', 'c']])
    expect(circles(new Map([['self', ['self']]]))).toEqual([['self']])
    expect(
      circles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([])
  })

  it('electron/ (core and its hosts) has no import circle', () => {
    const graph = graphOf(ELECTRON)
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get(join(CORE, 'index.ts'))?.length).toBeGreaterThan(10)
    expect(circles(graph).map((c) => c.map((f) => relative(ELECTRON, f)))).toEqual([])
  })

  it('nothing in core imports the composition root', () => {
    const root = join(CORE, 'index.ts')
    const importers = [...graphOf(CORE)]
      .filter(([file, targets]) => file !== root && targets.includes(root))
      .map(([file]) => relative(CORE, file))
    expect(importers).toEqual([])
  })
})

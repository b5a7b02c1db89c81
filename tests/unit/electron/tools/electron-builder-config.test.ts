// The packaging configuration (electron-builder.yml), checked here because it cannot run here: no
// Electron zip can be downloaded (toolchain notes). Validated against electron-builder's own JSON
// schema, then against what the app needs at run time. What only a Windows/macOS runner can check
// (the installers themselves, signing, notarization) is in .github/workflows/release.yml.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import Ajv from 'ajv'
import { DOMParser } from '@xmldom/xmldom'
import yaml from 'js-yaml'
import { minimatch } from 'minimatch'
import { describe, expect, it } from 'vitest'
import { DEEP_LINK_SCHEME } from '@shared/deep-link'

const root = join(import.meta.dirname, '..', '..', '..', '..')
interface Target {
  readonly target: string
  readonly arch: readonly string[]
}
/** The parts of electron-builder.yml these tests read (the schema test checks the whole file). */
interface BuilderConfig {
  readonly files: string[]
  readonly asarUnpack: string[]
  readonly afterPack: string
  readonly electronFuses: Record<string, boolean>
  readonly protocols: unknown
  readonly fileAssociations?: unknown
  readonly win: { readonly target: Target[]; readonly icon: string }
  readonly nsis: Record<string, unknown>
  readonly msi: { readonly perMachine: boolean; readonly upgradeCode: string }
  readonly mac: {
    readonly target: Target[]
    readonly icon: string
    readonly hardenedRuntime: boolean
    readonly entitlements: string
    readonly entitlementsInherit: string
  }
}
const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** electron-builder's `files` semantics: the last matching pattern decides ('!' excludes). */
function included(path: string, patterns: readonly string[]): boolean {
  let result = false
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!')
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) result = !negated
  }
  return result
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s schema (app-builder-lib/scheme.json)', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'))
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('keeps the fuses, and re-signs ad hoc after flipping them (unsigned arm64 macOS would not launch)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    })
  })

  it('builds NSIS per-user and MSI per-machine with a fixed upgrade code; dmg and pkg universal', () => {
    const winTargets = config.win.target.map((t) => t.target)
    expect(winTargets).toEqual(['nsis', 'msi'])
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(config.msi.perMachine).toBe(true)
    // The upgrade code is what lets an MSI of version N+1 replace version N: it must never change.
    expect(config.msi.upgradeCode).toBe('14CAA189-2D49-5D2B-8411-7FF57689A5F3')
    for (const target of config.mac.target) expect(target.arch).toEqual(['universal'])
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'pkg'])
    expect(config.mac.hardenedRuntime).toBe(true)
  })

  it('names the passcode-desk protocol the deep-link parser accepts, and no file association', () => {
    expect(config.protocols).toEqual([{ name: 'Passcode Desk link', schemes: [DEEP_LINK_SCHEME] }])
    expect(config.fileAssociations).toBeUndefined()
  })

  it('has every icon and entitlement file it names, well-formed, and only the JIT entitlements', () => {
    for (const file of [config.win.icon, config.mac.icon, 'resources/icon.png'])
      expect(existsSync(join(root, file)), file).toBe(true)
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const text = readFileSync(join(root, file), 'utf8')
      const errors: string[] = []
      const doc = new DOMParser({
        onError: (level, message) => errors.push(`${level}: ${message}`),
      }).parseFromString(text, 'text/xml')
      expect(errors).toEqual([])
      const keys = [...(doc.getElementsByTagName('key') as unknown as Iterable<{ textContent: string }>)].map(
        (k) => k.textContent,
      )
      expect(keys.sort()).toEqual([
        'com.apple.security.cs.allow-jit',
        'com.apple.security.cs.allow-unsigned-executable-memory',
      ])
    }
  })

  it('holds no signing secret: certificates and Apple credentials come only from the environment', () => {
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8')
    const settings = text
      .split('\n')
      .filter((line) => !line.trim().startsWith('#'))
      .join('\n')
    for (const key of [
      'cscLink',
      'cscKeyPassword',
      'cscInstallerLink',
      'identity',
      'appleId',
      'password',
      'notarize',
    ])
      expect(settings, key).not.toMatch(new RegExp(`\\b${key}\\s*:`, 'i'))
  })

  it('packs everything the app loads at run time: main, preload, renderer, icon, package.json', () => {
    const patterns = config.files
    // The paths electron/main/index.ts and window.ts load, relative to the app root.
    for (const file of [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/renderer/assets/index-abc123.js',
      'resources/icon.png',
      'package.json',
    ])
      expect(included(file, patterns), file).toBe(true)
    expect(included('out/main/index.js.map', patterns)).toBe(false)
    const main = readFileSync(join(root, 'electron/main/index.ts'), 'utf8')
    expect(main).toContain("join(appPath, 'out', 'preload', 'index.cjs')")
    expect(main).toContain("join(app.getAppPath(), 'out', 'renderer')")
  })

  // The sample paths above say what the rules mean; this says they hold for the real build output
  // (`npm test` builds before the unit tests; a bare `vitest run` without a build skips it).
  it.skipIf(!existsSync(join(root, 'out/main/index.js')))(
    'packs every file of the real build output except source maps, lazy chunks included',
    () => {
      const built: string[] = []
      const walk = (dir: string) => {
        for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
          const path = `${dir}/${entry.name}`
          if (entry.isDirectory()) walk(path)
          else built.push(path)
        }
      }
      walk('out')
      const needed = built.filter((file) => !file.endsWith('.map'))
      expect(needed.some((file) => file.startsWith('out/main/chunks/'))).toBe(true)
      expect(needed.filter((file) => !included(file, config.files))).toEqual([])
      // Every chunk the Electron main bundle reaches, statically or lazily (the demo tenant), is packed.
      const seen = new Set<string>()
      const follow = (file: string) => {
        if (seen.has(file)) return
        seen.add(file)
        expect(needed, file).toContain(file)
        const text = readFileSync(join(root, file), 'utf8')
        for (const [, spec] of text.matchAll(/(?:from |import\()"(\.{1,2}\/[^"]+\.js)"/g))
          follow(posix.join(posix.dirname(file), spec!))
      }
      follow('out/main/index.js')
      expect(seen.size).toBeGreaterThan(2)
    },
  )

  it('unpacks the SQLite binding from app.asar (dlopen cannot read inside it) and keeps its JS', () => {
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
    expect(config.asarUnpack.some((p) => minimatch(binding, p, { dot: true }))).toBe(true)
    expect(included(binding, ['**/*', ...config.files.filter((p) => p.startsWith('!'))])).toBe(true)
    expect(included('node_modules/better-sqlite3/lib/database.js', ['**/*', ...config.files])).toBe(true)
    expect(existsSync(join(root, binding))).toBe(true)
    expect(config.afterPack).toBe('./electron/tools/after-pack.mjs')
    expect(existsSync(join(root, config.afterPack))).toBe(true)
  })

  it('compiles the SQLite migrations into the main bundle (frozen inline SQL, no file read at run time)', () => {
    const dir = join(root, 'electron/core/store/migrations')
    const files = readdirSync(dir)
    expect(files.length).toBeGreaterThan(0)
    expect(files.filter((f) => !f.endsWith('.ts'))).toEqual([])
  })

  it('every package the Node side imports at run time is a production dependency (so it is packed)', () => {
    const dependencies = new Set(Object.keys(pkg.dependencies))
    const imported = new Map<string, string>()
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) walk(path)
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
          const text = readFileSync(path, 'utf8')
          for (const m of text.matchAll(/^import (?!type )[^'"]*?from '([^'.@][^']*|@[^/']+\/[^']+)'/gm)) {
            const spec = m[1]!
            if (spec.startsWith('node:') || spec === 'electron' || spec.startsWith('@shared/')) continue
            const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!
            imported.set(name, relative(root, path))
          }
        }
      }
    }
    for (const dir of ['electron/main', 'electron/core', 'electron/demo-tenant', 'shared'])
      walk(join(root, dir))
    expect(imported.size).toBeGreaterThan(3)
    for (const [name, where] of imported) expect(dependencies.has(name), `${name} (${where})`).toBe(true)
    // The optional keychain module is loaded dynamically and never by the Electron host.
    expect(dependencies.has('@azure/msal-node-extensions')).toBe(false)
    expect(config.files).toContain('!**/node_modules/@azure/msal-node-extensions/**')
  })

  it('package.json names the author NSIS shows as publisher', () => {
    expect(typeof pkg.author === 'string' ? pkg.author : pkg.author?.name).toBeTruthy()
  })
})

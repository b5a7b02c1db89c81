// The afterPack hook's ABI check (electron/tools/after-pack.mjs), on the REAL Node build of
// better-sqlite3 in node_modules and on a packed-app layout built in a temp directory. The real
// packaging (electron-builder with an Electron zip) only runs on the release workflow's runners.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import afterPack, {
  checkElectronAbi,
  electronAbi as abiOf,
  nodeModuleVersionsOf,
  packedBindingPath,
} from '../../../../electron/tools/after-pack.mjs'

const require = createRequire(import.meta.url)
const nodeBuild = readFileSync(
  join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node'),
)
const ELECTRON = '45.5.0'
const electronAbi = abiOf(ELECTRON)
/** Stands in for an Electron build: the same registration symbol V8 addons export, with Electron's ABI. */
const electronLike = Buffer.concat([
  Buffer.from('\0\x7fELF...'),
  Buffer.from(`node_register_module_v${electronAbi}\0`),
])

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('afterPack: the packed SQLite binding must be Electron’s ABI', () => {
  it('reads the ABI a real addon registers (node_modules holds the Node build)', () => {
    expect(nodeModuleVersionsOf(nodeBuild)).toEqual([Number(process.versions.modules)])
  })

  it('refuses the Node build, accepts Electron’s, and refuses a binary with no registration', () => {
    expect(electronAbi).not.toBe(Number(process.versions.modules))
    expect(() => checkElectronAbi(nodeBuild, ELECTRON)).toThrow(/NODE_MODULE_VERSION 1\d\d.*needs/)
    expect(checkElectronAbi(electronLike, ELECTRON)).toBe(electronAbi)
    expect(() => checkElectronAbi(Buffer.from('not an addon'), ELECTRON)).toThrow(/unknown/)
    // A universal binary whose x64 slice is stale is refused too.
    expect(() => checkElectronAbi(Buffer.concat([electronLike, nodeBuild]), ELECTRON)).toThrow()
  })

  it('looks where electron-builder unpacks it on Windows and inside the macOS bundle', () => {
    expect(packedBindingPath('/o', 'win32', 'Passcode Desk')).toBe(
      join(
        '/o',
        'resources',
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      ),
    )
    expect(packedBindingPath('/o', 'darwin', 'Passcode Desk')).toContain(
      join('Passcode Desk.app', 'Contents', 'Resources', 'app.asar.unpacked'),
    )
  })

  it('the hook fails the build on a Node-ABI or missing binding and passes an Electron one', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'pd-afterpack-'))
    dirs.push(appOutDir)
    const context = {
      appOutDir,
      electronPlatformName: 'win32',
      packager: { appInfo: { productFilename: 'Passcode Desk' }, info: { framework: { version: ELECTRON } } },
    }
    await expect(afterPack(context)).rejects.toThrow(/no SQLite binding/)
    const file = packedBindingPath(appOutDir, 'win32', 'Passcode Desk')
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, nodeBuild)
    await expect(afterPack(context)).rejects.toThrow(/needs/)
    writeFileSync(file, electronLike)
    await expect(afterPack(context)).resolves.toBeUndefined()
  })
})

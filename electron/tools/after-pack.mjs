// electron-builder `afterPack` hook (electron-builder.yml): refuses a package whose SQLite binding
// was not built for the packaged Electron's ABI. A Node-ABI better_sqlite3.node (a stale
// build/Release/.forge-meta made @electron/rebuild skip it) would make the app fail at its first
// database call, on the agent's machine. Checked statically, without loading the binary (it may be
// another architecture than the build machine's): a V8 addon exports
// `node_register_module_v<NODE_MODULE_VERSION>` (Node's NODE_MODULE_INIT), and Electron 45's
// NODE_MODULE_VERSION is given by node-abi.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getAbi } from 'node-abi'

const BINDING = join(
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
)

/** Every NODE_MODULE_VERSION a binary registers (a universal macOS binary holds two slices). */
export function nodeModuleVersionsOf(binary) {
  const found = new Set()
  for (const match of binary.toString('latin1').matchAll(/node_register_module_v(\d+)/g))
    found.add(Number(match[1]))
  return [...found]
}

/** Where the unpacked binding sits in the packed app, per platform. */
export function packedBindingPath(appOutDir, platform, productFilename) {
  const resources =
    platform === 'darwin' || platform === 'mas'
      ? join(appOutDir, `${productFilename}.app`, 'Contents', 'Resources')
      : join(appOutDir, 'resources')
  return join(resources, BINDING)
}

/** Electron's NODE_MODULE_VERSION for a version (node-abi's table). */
export function electronAbi(electronVersion) {
  return Number(getAbi(electronVersion, 'electron'))
}

/** Throws unless `binary` registers exactly Electron's ABI. */
export function checkElectronAbi(binary, electronVersion) {
  const expected = electronAbi(electronVersion)
  const versions = nodeModuleVersionsOf(binary)
  if (versions.length === 0 || versions.some((v) => v !== expected)) {
    throw new Error(
      `better_sqlite3.node is built for NODE_MODULE_VERSION ${versions.join(', ') || 'unknown'}, ` +
        `but Electron ${electronVersion} needs ${expected}: run \`npm run package\` (it cleans the native build first)`,
    )
  }
  return expected
}

export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const file = packedBindingPath(appOutDir, electronPlatformName, packager.appInfo.productFilename)
  if (!existsSync(file)) throw new Error(`The packed app has no SQLite binding at ${file} (asarUnpack?)`)
  const electronVersion = packager.info.framework.version
  const abi = checkElectronAbi(readFileSync(file), electronVersion)
  process.stdout.write(`  • better_sqlite3.node is built for Electron ${electronVersion} (ABI ${abi})\n`)
}

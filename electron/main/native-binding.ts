/**
 * Which better-sqlite3 binary the Electron main process loads.
 *
 * node_modules/better-sqlite3/build holds a build for Node's ABI (what `npm test` and the browser
 * host need); Electron has its own ABI and cannot load it, and after an in-place rebuild for
 * Electron Node cannot either (toolchain notes, last paragraph). So the two never share a file:
 * `electron/tools/start.mjs` prepares a separate Electron build under
 * `node_modules/.cache/passcode-desk/better-sqlite3-electron-<ver>-<platform>-<arch>/` and passes
 * its path in `PASSCODE_DESK_SQLITE_BINDING`; core hands it to `new Database(file, { nativeBinding })`.
 * A packaged app ignores the variable (an environment variable must not choose native code there):
 * electron-builder rebuilt node_modules' copy for Electron at packaging time (electron-builder.yml).
 */
import { existsSync } from 'node:fs'
import { isAbsolute } from 'node:path'

export const SQLITE_BINDING_ENV = 'PASSCODE_DESK_SQLITE_BINDING'

export function electronSqliteBinding(
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (isPackaged) return undefined
  const path = env[SQLITE_BINDING_ENV]
  if (!path || !isAbsolute(path) || !path.endsWith('.node') || !exists(path)) return undefined
  return path
}

/** Types for electron-sqlite.mjs (used by the real-Electron test). */
export declare const root: string
export declare function electronBinary(): string | null
export declare function cleanBuildEnv(): NodeJS.ProcessEnv
export declare function loadsInNode(file: string): boolean
export declare function electronBindingPath(
  electronVersion: string,
  sqliteVersion: string,
  platform?: string,
  arch?: string,
): string
export declare function prepareElectronSqlite(electronVersion: string): string | null
export declare function electronVersion(): string

/**
 * Windows policies: `reg query "<hive>\Software\Policies\Passcode Desk"` output, parsed. That key
 * is where Group Policy and Intune's imported-ADMX profiles write (resources/policy/*.admx). We
 * read it with reg.exe (in every Windows install) instead of a native registry module: one less
 * native dependency to rebuild for Electron, and the parser is testable with real output here.
 *
 * Output shape (reg.exe, all Windows versions since XP): a blank line, the key's full name, then
 * one line per value indented by four spaces — `    <name>    <REG_TYPE>    <data>` — then a blank
 * line; with /s, each subkey follows the same way. Data of REG_MULTI_SZ joins items with `\0`.
 */
import { execFile } from 'node:child_process'

export const POLICY_KEY_PATH = 'Software\\Policies\\Passcode Desk'
export const HIVES = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' } as const

export type RegistryValue =
  | { readonly type: 'REG_SZ' | 'REG_EXPAND_SZ'; readonly data: string }
  | { readonly type: 'REG_DWORD' | 'REG_QWORD'; readonly data: number }
  | { readonly type: 'REG_MULTI_SZ'; readonly data: readonly string[] }
  | { readonly type: 'unsupported'; readonly data: string; readonly regType: string }

const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/

function decode(regType: string, raw: string): RegistryValue {
  switch (regType) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type: regType, data: raw }
    case 'REG_DWORD':
    case 'REG_QWORD': {
      // reg.exe prints both in hexadecimal (0x...).
      const value = /^0x[0-9a-f]+$/i.test(raw) ? Number.parseInt(raw.slice(2), 16) : Number.NaN
      return Number.isSafeInteger(value)
        ? { type: regType, data: value }
        : { type: 'unsupported', data: raw, regType }
    }
    case 'REG_MULTI_SZ':
      return { type: 'REG_MULTI_SZ', data: raw === '' ? [] : raw.split('\\0').filter((s) => s !== '') }
    default:
      return { type: 'unsupported', data: raw, regType }
  }
}

/**
 * The values directly under `keyName` (case-insensitive, as the registry is). Values of subkeys
 * are returned apart, so the caller can report them instead of silently applying them.
 */
export function parseRegQuery(
  output: string,
  keyName: string,
): { values: Map<string, RegistryValue>; subkeyValues: string[] } {
  const values = new Map<string, RegistryValue>()
  const subkeyValues: string[] = []
  let current: string | null = null
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '') continue
    if (!line.startsWith(' ')) {
      current = line.trim()
      continue
    }
    const match = VALUE_LINE.exec(line)
    if (!match || current === null) continue
    const [, name = '', regType = '', data = ''] = match
    if (current.toLowerCase() !== keyName.toLowerCase()) {
      subkeyValues.push(`${current.slice(keyName.length + 1)}\\${name}`)
      continue
    }
    // "(Default)" is the key's unnamed value: never a policy of ours.
    values.set(name, decode(regType, data.replace(/\s+$/, '')))
  }
  return { values, subkeyValues }
}

export type RunRegQuery = (keyName: string) => Promise<string | null>

/** reg.exe; null when the key does not exist (exit code 1) or reg.exe cannot run. */
export const runRegQuery: RunRegQuery = (keyName) =>
  new Promise((resolve) => {
    execFile(
      'reg.exe',
      ['query', keyName, '/s'],
      { windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024, encoding: 'utf8' },
      (error, stdout) => resolve(error ? null : stdout),
    )
  })

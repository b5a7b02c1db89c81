/**
 * Settings managed by the organisation, read once at start (DESIGN §3 "managed settings").
 *
 * Sources, strongest first: Windows HKLM then HKCU (`Software\Policies\Passcode Desk`, as Group
 * Policy and Intune write them: a machine policy beats a user policy), macOS computer-wide then
 * per-user managed preferences. For each value the strongest source with a VALID value wins: a
 * malformed value is ignored on its own (a log line and a notice in Settings) and a weaker source's
 * value, if any, applies. Unknown names are reported, never applied. Reading never stops the app.
 */
import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import {
  EMPTY_POLICY,
  POLICY_KEYS,
  type ManagedPolicy,
  type PolicyKey,
  type PolicyProblem,
  type PolicySource,
} from '@shared/api/schemas/policy'
import type { Logger } from '../log'
import type { CoreModule } from '../module'
import { createPolicyHandlers } from './handlers'
import { DEFINITIONS, type RawValue } from './definitions'
import { managedPlistPaths, parseManagedPlist } from './plist'
import { HIVES, parseRegQuery, POLICY_KEY_PATH, runRegQuery, type RunRegQuery } from './registry'

/** One source's raw values, by name as found (names are matched case-insensitively, like the registry). */
export interface SourceValues {
  readonly source: PolicySource
  readonly values: ReadonlyMap<string, RawValue>
  /** Names the source holds that can never be a policy (e.g. values in a subkey). */
  readonly stray?: readonly string[]
}

const CANONICAL = new Map(POLICY_KEYS.map((k) => [k.toLowerCase(), k] as const))

/** Merges sources given strongest first; pure, so precedence and bad values are unit-tested. */
export function mergePolicy(sources: readonly SourceValues[]): ManagedPolicy {
  const values: Record<string, unknown> = {}
  const origin: Partial<Record<PolicyKey, PolicySource>> = {}
  const problems: PolicyProblem[] = []
  for (const { source, values: raw, stray = [] } of sources) {
    for (const name of stray) problems.push({ key: name.slice(0, 120), source, reason: 'unknownKey' })
    for (const [name, value] of raw) {
      const key = CANONICAL.get(name.toLowerCase())
      if (!key) {
        problems.push({ key: name.slice(0, 120), source, reason: 'unknownKey' })
        continue
      }
      const converted = DEFINITIONS[key](value)
      if (!converted.ok) {
        problems.push({ key, source, reason: converted.reason })
        continue
      }
      if (key in values) continue // a stronger source already set it
      values[key] = converted.value
      origin[key] = source
    }
  }
  return { values: values as ManagedPolicy['values'], sources: origin, problems: problems.slice(0, 100) }
}

export interface PolicyReaders {
  readonly platform: NodeJS.Platform
  readonly regQuery?: RunRegQuery
  readonly readFile?: (path: string) => Promise<Buffer>
  readonly user?: string
}

async function windowsSources(regQuery: RunRegQuery): Promise<SourceValues[]> {
  const result: SourceValues[] = []
  for (const source of ['HKLM', 'HKCU'] as const) {
    const keyName = `${HIVES[source]}\\${POLICY_KEY_PATH}`
    const output = await regQuery(keyName)
    if (output === null) continue
    const parsed = parseRegQuery(output, keyName)
    const values = new Map<string, RawValue>()
    for (const [name, value] of parsed.values) values.set(name, { from: 'registry', value })
    result.push({ source, values, stray: parsed.subkeyValues })
  }
  return result
}

async function macSources(
  read: (path: string) => Promise<Buffer>,
  user: string,
  log: Logger,
): Promise<SourceValues[]> {
  const result: SourceValues[] = []
  const paths = managedPlistPaths(user)
  for (const source of ['macComputer', 'macUser'] as const) {
    let buffer: Buffer
    try {
      buffer = await read(paths[source])
    } catch {
      continue // no managed preferences: nothing is managed
    }
    try {
      const dict = parseManagedPlist(buffer)
      const values = new Map<string, RawValue>()
      for (const [name, value] of Object.entries(dict)) values.set(name, { from: 'plist', value })
      result.push({ source, values })
    } catch (error) {
      log.warn('policy.unreadable', { source, error })
      result.push({ source, values: new Map(), stray: ['(file)'] })
    }
  }
  return result
}

/** Reads and merges the platform's policy sources, logging each ignored value. */
export async function loadManagedPolicy(readers: PolicyReaders, log: Logger): Promise<ManagedPolicy> {
  let sources: SourceValues[] = []
  try {
    if (readers.platform === 'win32') sources = await windowsSources(readers.regQuery ?? runRegQuery)
    else if (readers.platform === 'darwin')
      sources = await macSources(readers.readFile ?? readFile, readers.user ?? userInfo().username, log)
  } catch (error) {
    log.warn('policy.unreadable', { error })
    return EMPTY_POLICY
  }
  const policy = mergePolicy(sources)
  for (const problem of policy.problems) log.warn('policy.value-ignored', { ...problem })
  if (Object.keys(policy.values).length > 0)
    log.info('policy.applied', { keys: Object.keys(policy.values), sources: policy.sources })
  return policy
}

export interface PolicyModule extends CoreModule<'policy:get'> {
  readonly policy: ManagedPolicy
}

/** `policy:get` over the policy read at start (`loadManagedPolicy`). Holds nothing to stop. */
export function createPolicyModule(policy: ManagedPolicy): PolicyModule {
  return { policy, handlers: createPolicyHandlers(policy), dispose() {} }
}

/**
 * The browser host's stand-in for an MDM (E2E tests, demos on Linux): a managed-preferences plist
 * named by `PASSCODE_DESK_POLICY_FILE`, read as the macOS computer-wide file — the same parser and
 * merge, so what a test sets is what an Intune preference file would set. The Electron host never
 * calls this: it reads the real registry or managed preferences.
 */
export async function loadManagedPolicyFile(file: string, log: Logger): Promise<ManagedPolicy> {
  const computerWide = managedPlistPaths('-').macComputer
  return loadManagedPolicy(
    {
      platform: 'darwin',
      user: '-',
      readFile: (path) =>
        path === computerWide ? readFile(file) : Promise.reject(new Error('not the computer-wide file')),
    },
    log,
  )
}

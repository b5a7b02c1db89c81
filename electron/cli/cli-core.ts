/**
 * The CLI is a thin host like the other two (DESIGN §1): every command builds core with
 * `createCore` and talks to it through `router.call`, so it gets the same validation, errors and
 * code paths as the window. This file is the CLI's only composition: host capabilities, logger,
 * and the options that pick the profile, the cache file or a direct Graph target.
 */
import { join } from 'node:path'
import { openInDefaultBrowser } from '../browser-host/open-browser'
import { createCore, type Core } from '../core'
import { demoSettingsFromEnv } from '../core/auth/demo-settings'
import { defaultDataDir } from '../core/config'
import { createLogger } from '../core/log'
import { loadManagedPolicy } from '../core/policy'
import { profileRulesFromPolicy } from '../core/profiles/managed'
import { createProfilesStore, findProfileIdByName } from '../core/profiles/store'
import { CodedError } from '@shared/errors'
import { EXIT, UsageError } from './options'
import type { AppError } from '@shared/errors'
import type { Channel } from '@shared/api/channels'
import type { ChannelInput, ChannelOutput } from '@shared/api/contract'

export interface CliCoreOptions {
  /** Default: PASSCODE_DESK_DATA_DIR or the OS's per-user app data folder, as the window uses. */
  readonly dataDir?: string
  readonly env?: NodeJS.ProcessEnv
  /** `--profile NAME` (default: the app's active profile). */
  readonly profile?: string | null
  /** `--db PATH`. */
  readonly db?: string | null
  /** `--graph-url` + `--access-token`. */
  readonly graphTarget?: { readonly baseUrl: string; readonly accessToken: string }
  /** CoreOptions.sqlWorkerScript (default: the one the CLI's entry registered, useSqlWorker). */
  readonly sqlWorkerScript?: string
  /** Where the sign-in URL goes (default: stderr + the OS opener unless PASSCODE_DESK_NO_OPEN=1). */
  readonly openBrowser?: (url: string) => Promise<void>
}

let registeredSqlWorker: string | undefined

/** The built CLI's entry (cli/index.ts) knows where the build put the SQL worker script. */
export function useSqlWorker(script: string): void {
  registeredSqlWorker = script
}

/** Builds core for one command; the caller disposes it. Throws PROFILE_NOT_FOUND for `--profile`. */
export async function openCliCore(options: CliCoreOptions = {}): Promise<Core> {
  const env = options.env ?? process.env
  const dataDir = options.dataDir ?? defaultDataDir(env)
  // Read once: `--profile` then knows the organisation's presets and a hidden demo (DESIGN §3).
  const log = createLogger({ dir: join(dataDir, 'logs'), console: env.PASSCODE_DESK_VERBOSE === '1' })
  const managedPolicy = await loadManagedPolicy({ platform: process.platform }, log)
  let profileId: string | undefined
  if (options.profile) {
    const profiles = createProfilesStore(dataDir, profileRulesFromPolicy(managedPolicy))
    profileId = findProfileIdByName(profiles, options.profile) ?? undefined
    if (!profileId) throw new CodedError('PROFILE_NOT_FOUND', `No profile named "${options.profile}".`)
  }
  const demo = demoSettingsFromEnv(env)
  return createCore({
    dataDir,
    host: {
      kind: 'cli',
      openExternal:
        options.openBrowser ??
        (async (url) => {
          process.stderr.write(`Open this page to sign in (opening your browser):\n${url}\n`)
          if (env.PASSCODE_DESK_NO_OPEN !== '1') openInDefaultBrowser(url)
        }),
    },
    logger: log,
    // Scripts do not need a 2,000-device simulator beside a Graph target they chose themselves.
    demoTenant: options.graphTarget ? { ...demo, devices: 0 } : demo,
    profileId,
    cacheFile: options.db ?? undefined,
    graphTarget: options.graphTarget,
    managedPolicy,
    sqlWorkerScript: options.sqlWorkerScript ?? registeredSqlWorker,
  })
}

/** Runs `fn` with a fresh core and always disposes it. */
export async function withCliCore<T>(options: CliCoreOptions, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCliCore(options)
  try {
    return await fn(core)
  } finally {
    await core.dispose()
  }
}

/** An error as one line: `CODE: message (AADSTS…)`; never a token (core's errors carry none). */
export function describeError(error: unknown): string {
  if (error instanceof CodedError) return describeAppError(error)
  return error instanceof Error ? error.message : String(error)
}

export function describeAppError(error: Pick<AppError, 'code' | 'message' | 'detail'>): string {
  const aadsts = error.detail?.aadsts ? ` (AADSTS${String(error.detail.aadsts)})` : ''
  return `${error.code}: ${error.message}${aadsts}`
}

/** Thrown from a command when the router answered `{ ok: false }`: exit code 1, printed as one line. */
export class CommandFailed extends Error {
  constructor(readonly error: Pick<AppError, 'code' | 'message' | 'detail'>) {
    super(describeAppError(error))
    this.name = 'CommandFailed'
  }
}

const CLI_CONTEXT = { host: 'cli', clientId: 'cli' } as const

/** `router.call` with the channel's types; a `{ ok: false }` answer becomes CommandFailed. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.router.call(channel, input, CLI_CONTEXT)
  if (!result.ok) throw new CommandFailed(result.error)
  return result.value as ChannelOutput<C>
}

/**
 * A command's body with the CLI's exit codes: a usage mistake is rethrown for the dispatcher (exit
 * 2), any other error is printed as one line on stderr and becomes exit code 1.
 */
export async function exitCodeOf(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body()
  } catch (error) {
    if (error instanceof UsageError) throw error
    process.stderr.write(`passcode-desk ${name}: ${describeError(error)}\n`)
    return EXIT.failure
  }
}

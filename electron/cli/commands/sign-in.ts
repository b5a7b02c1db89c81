/**
 * `passcode-desk sign-in [--profile NAME]`: signs the agent in to a tenant profile in the system
 * browser (issue 6). Prints the sign-in URL on stderr (and tries the OS opener), then one JSON
 * line with the signed-in agent on stdout.
 *
 * Where the CLI keeps tokens: the OS keychain through @azure/msal-node-extensions when one is
 * usable (DPAPI, macOS Keychain, libsecret with a D-Bus session), otherwise memory only — never a
 * plaintext file. With memory only, a sign-in lasts for this one command: other passcode-desk
 * commands run in new processes and cannot reuse it on that machine.
 */
import { join } from 'node:path'
import type { AuthStatus } from '@shared/api/schemas/auth'
import { CodedError } from '@shared/errors'
import { openInDefaultBrowser } from '../../browser-host/open-browser'
import { createAuthServices, type AuthServices } from '../../core/auth/wiring'
import { defaultDataDir } from '../../core/config'
import { createEventBus } from '../../core/events'
import { createLogger } from '../../core/log'
import { createProfilesStore, findProfileIdByName } from '../../core/profiles/store'

export interface AuthCommandArgs {
  readonly profile: string | null
}

export function parseAuthArgs(argv: readonly string[], usage: string): AuthCommandArgs {
  let profile: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined]
    if (flag !== '--profile') throw new Error(`Unknown option "${argv[i]}".\n${usage}`)
    const value = inline ?? argv[++i]
    if (!value) throw new Error(`Option --profile needs a profile name.\n${usage}`)
    profile = value
  }
  return { profile }
}

export interface CliAuthOptions {
  readonly dataDir?: string
  readonly env?: NodeJS.ProcessEnv
  /** Where the sign-in URL goes (default: stderr + the OS opener). */
  readonly openBrowser?: (url: string) => Promise<void>
}

/** Sign-in services for one CLI run, on `--profile` (or the app's active profile). */
export async function openCliAuth(
  args: AuthCommandArgs,
  options: CliAuthOptions = {},
): Promise<AuthServices> {
  const env = options.env ?? process.env
  const dataDir = options.dataDir ?? defaultDataDir(env)
  const log = createLogger({ dir: join(dataDir, 'logs'), console: env.PASSCODE_DESK_VERBOSE === '1' })
  let profileId: string | undefined
  if (args.profile !== null) {
    profileId = findProfileIdByName(createProfilesStore(dataDir), args.profile) ?? undefined
    if (!profileId) throw new CodedError('PROFILE_NOT_FOUND', `No profile named "${args.profile}".`)
  }
  return createAuthServices({
    dataDir,
    hostKind: 'browser',
    openExternal:
      options.openBrowser ??
      (async (url) => {
        process.stderr.write(`Open this page to sign in (opening your browser):\n${url}\n`)
        if (env.PASSCODE_DESK_NO_OPEN !== '1') openInDefaultBrowser(url)
      }),
    events: createEventBus({ validate: false, log }),
    log,
    env,
    profileId,
  })
}

/** What the CLI prints: the status without anything secret (there is nothing secret in it). */
export function statusLine(status: AuthStatus): string {
  return JSON.stringify({
    profile: status.profileName,
    state: status.state,
    upn: status.agent?.upn ?? null,
    displayName: status.agent?.displayName ?? null,
    tenantId: status.agent?.tenantId ?? null,
    canResetPasscode: status.canResetPasscode,
    permissionReason: status.permissionReason,
    cachePersistence: status.cachePersistence,
  })
}

export function memoryNotice(status: AuthStatus): string {
  return status.cachePersistence === 'memory'
    ? 'Note: no usable keychain on this machine, so the sign-in is kept in memory only: it ends with this command, and other passcode-desk commands cannot reuse it.\n'
    : ''
}

export function describeError(error: unknown): string {
  if (error instanceof CodedError) {
    const aadsts = error.detail?.aadsts ? ` (AADSTS${String(error.detail.aadsts)})` : ''
    return `${error.code}: ${error.message}${aadsts}`
  }
  return error instanceof Error ? error.message : String(error)
}

const USAGE = 'Usage: passcode-desk sign-in [--profile NAME]\n'

export async function run(argv: string[], options: CliAuthOptions = {}): Promise<number> {
  const args = parseAuthArgs(argv, USAGE)
  let auth: AuthServices
  try {
    auth = await openCliAuth(args, options)
  } catch (error) {
    process.stderr.write(`passcode-desk sign-in: ${describeError(error)}\n`)
    return 1
  }
  try {
    const status = await auth.sessions.signIn()
    process.stdout.write(statusLine(status) + '\n')
    process.stderr.write(memoryNotice(status))
    return 0
  } catch (error) {
    process.stderr.write(`passcode-desk sign-in: ${describeError(error)}\n`)
    return 1
  } finally {
    await auth.sessions.dispose()
  }
}

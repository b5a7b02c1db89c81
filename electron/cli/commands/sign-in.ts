/**
 * `passcode-desk sign-in [--profile NAME]`: signs the agent in to a tenant profile in the system
 * browser through core's `auth:signIn`. Prints the sign-in URL on stderr (and tries the OS opener),
 * then one JSON line with the signed-in agent on stdout.
 *
 * Where the CLI keeps tokens: the OS keychain through @azure/msal-node-extensions when one is
 * usable (DPAPI, macOS Keychain, libsecret with a D-Bus session), otherwise memory only — never a
 * plaintext file. With memory only, a sign-in lasts for this one command: other passcode-desk
 * commands run in new processes and cannot reuse it on that machine.
 */
import type { AuthStatus } from '@shared/api/schemas/auth'
import { call, describeError, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import type { Core } from '../../core'
import { EXIT, parseCommand, PROFILE_OPTION, type CommandSpec } from '../options'

export { describeError }

export const authOptions = PROFILE_OPTION

export interface AuthCommandArgs {
  readonly profile: string | null
}

/** `--profile NAME` for sign-in / sign-out / whoami; null args mean `--help` was asked. */
export function parseAuthArgs(
  argv: readonly string[],
  spec: CommandSpec<typeof authOptions>,
): AuthCommandArgs | null {
  const { values, help } = parseCommand(spec, argv)
  return help ? null : { profile: values.profile ?? null }
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

/**
 * The shape of sign-in / sign-out / whoami: `--profile` or `--help`, then one body over core for
 * that profile, with the CLI's exit codes (a usage mistake still rejects, for the dispatcher).
 */
export async function runAuthCommand(
  spec: CommandSpec<typeof authOptions>,
  argv: readonly string[],
  options: CliCoreOptions,
  body: (core: Core) => Promise<number>,
): Promise<number> {
  const args = parseAuthArgs(argv, spec)
  if (!args) return (process.stdout.write(spec.usage), EXIT.ok)
  return exitCodeOf(spec.name, () => withCliCore({ ...options, profile: args.profile }, body))
}

export const spec = {
  name: 'sign-in',
  usage: 'Usage: passcode-desk sign-in [--profile NAME]\n',
  options: authOptions,
} as const

export function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  return runAuthCommand(spec, argv, options, async (core) => {
    const status = await call(core, 'auth:signIn', {})
    process.stdout.write(statusLine(status) + '\n')
    process.stderr.write(memoryNotice(status))
    return EXIT.ok
  })
}

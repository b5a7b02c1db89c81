/**
 * `passcode-desk sign-out [--profile NAME]`: removes the agent's account and tokens from the
 * profile's token cache through core's `auth:signOut`, then prints the resulting status as one line.
 */
import { call, exitCodeOf, withCliCore, type CliCoreOptions } from '../cli-core'
import { EXIT } from '../options'
import { authOptions, parseAuthArgs, statusLine } from './sign-in'

export const spec = {
  name: 'sign-out',
  usage: 'Usage: passcode-desk sign-out [--profile NAME]\n',
  options: authOptions,
} as const

export async function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  const args = parseAuthArgs(argv, spec)
  if (!args) return (process.stdout.write(spec.usage), EXIT.ok)
  return exitCodeOf(spec.name, () =>
    withCliCore({ ...options, profile: args.profile }, async (core) => {
      process.stdout.write(statusLine(await call(core, 'auth:signOut', {})) + '\n')
      return EXIT.ok
    }),
  )
}

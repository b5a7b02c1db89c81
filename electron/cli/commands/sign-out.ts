/**
 * `passcode-desk sign-out [--profile NAME]`: removes the agent's account and tokens from the
 * profile's token cache through core's `auth:signOut`, then prints the resulting status as one line.
 */
import { call, type CliCoreOptions } from '../cli-core'
import { EXIT } from '../options'
import { authOptions, runAuthCommand, statusLine } from './sign-in'

export const spec = {
  name: 'sign-out',
  usage: 'Usage: passcode-desk sign-out [--profile NAME]\n',
  options: authOptions,
} as const

export function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  return runAuthCommand(spec, argv, options, async (core) => {
    process.stdout.write(statusLine(await call(core, 'auth:signOut', {})) + '\n')
    return EXIT.ok
  })
}

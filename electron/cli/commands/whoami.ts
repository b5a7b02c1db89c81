/**
 * `passcode-desk whoami [--profile NAME]`: who is signed in to the profile, from its token cache,
 * through core's `auth:status`. Prints one JSON line; exit code 0 when an agent is signed in, 1
 * otherwise. Renews the access token silently first, so "signedIn" means Graph calls would work now.
 */
import { CodedError } from '@shared/errors'
import { call, type CliCoreOptions } from '../cli-core'
import { EXIT } from '../options'
import { authOptions, memoryNotice, runAuthCommand, statusLine } from './sign-in'

export const spec = {
  name: 'whoami',
  usage: 'Usage: passcode-desk whoami [--profile NAME]\n',
  options: authOptions,
} as const

export function run(argv: string[], options: CliCoreOptions = {}): Promise<number> {
  return runAuthCommand(spec, argv, options, async (core) => {
    // The session is core's own (Core.sessions, as the hosts see it): a silent renewal turns an
    // expired refresh token into "signed out" before the status is read.
    const session = core.sessions.current()
    if (session.agent()) {
      try {
        await session.getAccessToken()
      } catch (error) {
        if (!(error instanceof CodedError && error.code === 'AUTH_REQUIRED')) throw error
      }
    }
    const status = await call(core, 'auth:status', {})
    process.stdout.write(statusLine(status) + '\n')
    if (status.state !== 'signedIn') process.stderr.write(memoryNotice(status))
    return status.state === 'signedIn' ? EXIT.ok : EXIT.failure
  })
}

/**
 * `passcode-desk whoami [--profile NAME]`: who is signed in to the profile, from its token cache
 * (issue 6). Prints one JSON line; exit code 0 when an agent is signed in, 1 otherwise. Renews the
 * access token silently, so "signedIn" means Graph calls would work right now.
 */
import { CodedError } from '@shared/errors'
import {
  describeError,
  memoryNotice,
  openCliAuth,
  parseAuthArgs,
  statusLine,
  type CliAuthOptions,
} from './sign-in'

const USAGE = 'Usage: passcode-desk whoami [--profile NAME]\n'

export async function run(argv: string[], options: CliAuthOptions = {}): Promise<number> {
  const args = parseAuthArgs(argv, USAGE)
  try {
    const auth = await openCliAuth(args, options)
    try {
      const session = auth.sessions.current()
      if (session.agent()) {
        try {
          await session.getAccessToken()
        } catch (error) {
          if (!(error instanceof CodedError && error.code === 'AUTH_REQUIRED')) throw error
        }
      }
      const status = await auth.sessions.status()
      process.stdout.write(statusLine(status) + '\n')
      if (status.state !== 'signedIn') process.stderr.write(memoryNotice(status))
      return status.state === 'signedIn' ? 0 : 1
    } finally {
      await auth.sessions.dispose()
    }
  } catch (error) {
    process.stderr.write(`passcode-desk whoami: ${describeError(error)}\n`)
    return 1
  }
}

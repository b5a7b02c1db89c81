/**
 * `passcode-desk sign-out [--profile NAME]`: removes the agent's account and tokens from the
 * profile's token cache (issue 6), then prints the resulting status as one JSON line.
 */
import { describeError, openCliAuth, parseAuthArgs, statusLine, type CliAuthOptions } from './sign-in'

const USAGE = 'Usage: passcode-desk sign-out [--profile NAME]\n'

export async function run(argv: string[], options: CliAuthOptions = {}): Promise<number> {
  const args = parseAuthArgs(argv, USAGE)
  try {
    const auth = await openCliAuth(args, options)
    try {
      process.stdout.write(statusLine(await auth.sessions.signOut()) + '\n')
      return 0
    } finally {
      await auth.sessions.dispose()
    }
  } catch (error) {
    process.stderr.write(`passcode-desk sign-out: ${describeError(error)}\n`)
    return 1
  }
}

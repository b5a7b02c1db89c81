/**
 * `passcode-desk <command> [options]`: a thin host over core (DESIGN §1) — each command builds core
 * with createCore (cli-core.ts) and calls the router like the window does. Each command lives in
 * commands/<name>.ts and exports `spec` (its options and usage, parsed by options.ts) and
 * `run(argv)`, which returns the exit code. Data goes to stdout (JSON lines or CSV), progress and
 * errors to stderr.
 *
 * Exit codes: 0 success · 1 failure (not found, not signed in, Graph error…) · 2 usage error.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { EXIT, UsageError } from './options'

type Command = {
  readonly summary: string
  readonly load: () => Promise<{ run(argv: string[]): Promise<number> }>
}

const COMMANDS: Record<string, Command> = {
  // Commands register here, one line each.
  sync: {
    summary:
      'Sync Intune devices into the local cache (--profile NAME | --graph-url URL --access-token TOKEN, --db PATH)',
    load: () => import('./commands/sync'),
  },
  search: {
    summary: 'Search the local device cache (QUERY, --profile NAME, --db PATH, --limit N)',
    load: () => import('./commands/search'),
  },
  device: {
    summary: 'One device as JSON with its eligibility (ID|SERIAL, --refresh, --profile NAME, --db PATH)',
    load: () => import('./commands/device'),
  },
  history: {
    summary: 'Print the passcode actions recorded on this machine (--since, --format csv|json, --db)',
    load: () => import('./commands/history'),
  },
  'sign-in': {
    summary: 'Sign in to a tenant profile in the browser (--profile NAME)',
    load: () => import('./commands/sign-in'),
  },
  'sign-out': {
    summary: "Remove the agent's account and tokens (--profile NAME)",
    load: () => import('./commands/sign-out'),
  },
  whoami: {
    summary: 'Show who is signed in to a profile (--profile NAME)',
    load: () => import('./commands/whoami'),
  },
  'demo-tenant': { summary: 'Serve the demo tenant (serve)', load: () => import('./commands/demo-tenant') },
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`)
  return (
    `Usage: passcode-desk <command> [options]   (passcode-desk <command> --help for its options)\n\n` +
    `Commands:\n${lines.join('\n')}\n\nExit codes: 0 success, 1 failure, 2 usage error.\n`
  )
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? EXIT.ok : EXIT.usage
  }
  // Two-word commands (`demo-tenant serve`) register under their first word and read the rest.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${usage()}`)
    return EXIT.usage
  }
  // The SQL worker thread's entry, built beside this one (electron.vite.config.ts); cli-core is
  // loaded here only when a command runs, so that `--help` stays instant.
  const sqlWorker = join(import.meta.dirname, 'sql-worker.js')
  if (existsSync(sqlWorker)) (await import('./cli-core')).useSqlWorker(sqlWorker)
  try {
    return await (await command.load()).run(rest)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`passcode-desk ${name}: ${error.message}\n${error.usage}`)
    return EXIT.usage
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`passcode-desk: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = EXIT.failure
  },
)

/**
 * `passcode-desk <command> [options]`: headless commands over core. Each command lives in
 * commands/<name>.ts and exports `run(argv): Promise<number>` (the exit code). Data goes to stdout
 * (JSON lines), progress and errors to stderr.
 */
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
    summary: 'Search the local device cache (QUERY, --db PATH, --limit N)',
    load: () => import('./commands/search'),
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
  return `Usage: passcode-desk <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 2
  }
  // Two-word commands (`demo-tenant serve`) register under their first word and read the rest.
  const command = COMMANDS[name]
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${usage()}`)
    return 2
  }
  const module = await command.load()
  return module.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`passcode-desk: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)

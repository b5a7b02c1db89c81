/**
 * `passcode-desk demo-tenant serve [--port N] [--devices N] [--seed S] [--throttle FRACTION]
 *  [--time-scale X] [--token-lifetime SECONDS]`
 * Starts the demo tenant (DESIGN §1), prints one JSON line with its coordinates and a Help Desk
 * Operator token, then serves until SIGINT/SIGTERM.
 */
import { startDemoTenant, type DemoTenant } from '../../demo-tenant'
import { EXIT, numberOption, parseCommand } from '../options'

const USAGE = `Usage: passcode-desk demo-tenant serve [--port N] [--devices N] [--seed S] [--throttle FRACTION]
                                        [--unavailable FRACTION] [--latency MS] [--time-scale X]
                                        [--token-lifetime SECONDS]\n`

export const spec = {
  name: 'demo-tenant serve',
  usage: USAGE,
  options: {
    port: { type: 'string' },
    devices: { type: 'string' },
    seed: { type: 'string' },
    throttle: { type: 'string' },
    unavailable: { type: 'string' },
    latency: { type: 'string' },
    'time-scale': { type: 'string' },
    'token-lifetime': { type: 'string' },
  },
} as const

export interface ServeOptions {
  port: number
  devices: number
  seed: number
  throttle: number
  unavailable: number
  latency: number
  timeScale: number
  tokenLifetime: number
}

export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const { values } = parseCommand(spec, argv)
  const integer = { integer: true }
  const fraction = { max: 1, maxMessage: 'is a fraction between 0 and 1.' }
  const frac = (name: 'throttle' | 'unavailable') =>
    numberOption(values[name], name, 0, USAGE, {
      ...fraction,
      maxMessage: `Option --${name} ${fraction.maxMessage}`,
    })
  return {
    port: numberOption(values.port, 'port', 0, USAGE, { ...integer, max: 65535 }),
    devices: numberOption(values.devices, 'devices', 2000, USAGE, integer),
    seed: numberOption(values.seed, 'seed', 1, USAGE, integer),
    throttle: frac('throttle'),
    unavailable: frac('unavailable'),
    latency: numberOption(values.latency, 'latency', 0, USAGE),
    timeScale: numberOption(values['time-scale'], 'time-scale', 1, USAGE),
    tokenLifetime: numberOption(values['token-lifetime'], 'token-lifetime', 3600, USAGE),
  }
}

/** Starts the tenant and returns it with the ready line (exported for tests). */
export async function serve(o: ServeOptions): Promise<{ tenant: DemoTenant; readyLine: string }> {
  const tenant = await startDemoTenant({
    port: o.port,
    devices: o.devices,
    seed: o.seed,
    timeScale: o.timeScale,
    accessTokenLifetimeSeconds: o.tokenLifetime,
    faults: { throttleFraction: o.throttle, unavailableFraction: o.unavailable, latencyMs: o.latency },
  })
  const readyLine = JSON.stringify({
    graphUrl: tenant.graphUrl,
    authority: tenant.authority,
    tenantId: tenant.tenantId,
    clientId: tenant.clientId,
    accessToken: tenant.issueAccessToken(),
  })
  return { tenant, readyLine }
}

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE)
    return EXIT.ok
  }
  if (sub !== 'serve') {
    process.stderr.write(`Unknown subcommand "${sub ?? ''}".\n${USAGE}`)
    return EXIT.usage
  }
  const options = parseServeArgs(rest)
  const { tenant, readyLine } = await serve(options)
  process.stdout.write(`${readyLine}\n`)
  process.stderr.write(
    `demo tenant: ${tenant.graphUrl} (${options.devices} devices, seed ${options.seed}); Ctrl+C to stop\n`,
  )
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await tenant.close()
  return EXIT.ok
}

/**
 * `passcode-desk demo-tenant serve [--port N] [--devices N] [--seed S] [--throttle FRACTION]
 *  [--time-scale X] [--token-lifetime SECONDS]`
 * Starts the demo tenant (issue 4), prints one JSON line with its coordinates and a Help Desk
 * Operator token, then serves until SIGINT/SIGTERM.
 */
import { startDemoTenant, type DemoTenant } from '../../demo-tenant'

const USAGE = `Usage: passcode-desk demo-tenant serve [--port N] [--devices N] [--seed S] [--throttle FRACTION]
                                        [--unavailable FRACTION] [--latency MS] [--time-scale X]
                                        [--token-lifetime SECONDS]\n`

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

const FLAGS: Record<string, keyof ServeOptions> = {
  '--port': 'port',
  '--devices': 'devices',
  '--seed': 'seed',
  '--throttle': 'throttle',
  '--unavailable': 'unavailable',
  '--latency': 'latency',
  '--time-scale': 'timeScale',
  '--token-lifetime': 'tokenLifetime',
}

export function parseServeArgs(argv: readonly string[]): ServeOptions {
  const o: ServeOptions = {
    port: 0,
    devices: 2000,
    seed: 1,
    throttle: 0,
    unavailable: 0,
    latency: 0,
    timeScale: 1,
    tokenLifetime: 3600,
  }
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2)
    const key = FLAGS[flag]
    if (!key) throw new Error(`Unknown option "${argv[i]}".`)
    const raw = inline ?? argv[++i]
    const value = Number(raw)
    if (raw === undefined || raw === '' || !Number.isFinite(value) || value < 0)
      throw new Error(`Option ${flag} needs a non-negative number.`)
    if ((key === 'throttle' || key === 'unavailable') && value > 1)
      throw new Error(`Option ${flag} is a fraction between 0 and 1.`)
    if ((key === 'port' || key === 'devices' || key === 'seed') && !Number.isInteger(value))
      throw new Error(`Option ${flag} needs an integer.`)
    o[key] = value
  }
  return o
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
  if (sub !== 'serve') {
    process.stderr.write(sub === '--help' || sub === '-h' ? '' : `Unknown subcommand "${sub ?? ''}".\n`)
    process.stderr.write(USAGE)
    return sub === '--help' || sub === '-h' ? 0 : 2
  }
  let options: ServeOptions
  try {
    options = parseServeArgs(rest)
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    return 2
  }
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
  return 0
}

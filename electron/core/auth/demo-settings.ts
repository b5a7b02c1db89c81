import type { DemoTenantSettings } from './demo-tenant-lifecycle'

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback
}

/**
 * Demo tenant size and speed: `PASSCODE_DESK_DEMO_DEVICES` (2000), `_SEED` (1), `_TIME_SCALE` (1);
 * `_NETWORK_FILE`: a file whose content takes the demo tenant off the network at run time (tests).
 */
export function demoSettingsFromEnv(env: NodeJS.ProcessEnv): DemoTenantSettings {
  const networkFile = env.PASSCODE_DESK_DEMO_NETWORK_FILE
  return {
    ...(networkFile ? { networkControlFile: networkFile } : {}),
    devices: Math.floor(envNumber(env, 'PASSCODE_DESK_DEMO_DEVICES', 2000, 0, 1_000_000)),
    seed: Math.floor(envNumber(env, 'PASSCODE_DESK_DEMO_SEED', 1, 0, 2 ** 31)),
    timeScale: envNumber(env, 'PASSCODE_DESK_DEMO_TIME_SCALE', 1, 0.0001, 100),
  }
}

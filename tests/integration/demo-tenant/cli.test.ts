/** `passcode-desk demo-tenant serve`: argument parsing, the ready line, and the built bin when present. */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseServeArgs, serve } from '../../../electron/cli/commands/demo-tenant'

const root = resolve(import.meta.dirname, '../../..')
const builtCli = resolve(root, 'out/main/cli.js')

describe('demo-tenant serve (in process)', () => {
  it('parses flags and rejects bad ones', () => {
    expect(
      parseServeArgs(['--port', '0', '--devices=50', '--seed', '3', '--throttle', '0.25']),
    ).toMatchObject({ port: 0, devices: 50, seed: 3, throttle: 0.25 })
    expect(() => parseServeArgs(['--throttle', '2'])).toThrow(/fraction/)
    expect(() => parseServeArgs(['--devices', 'x'])).toThrow()
    expect(() => parseServeArgs(['--nope'])).toThrow(/Unknown option/)
  })

  it('prints one JSON line whose token works on Graph', async () => {
    const { tenant, readyLine } = await serve(parseServeArgs(['--devices', '20']))
    try {
      expect(readyLine).not.toContain('\n')
      const ready = JSON.parse(readyLine) as Record<string, string>
      expect(Object.keys(ready)).toEqual(['graphUrl', 'authority', 'tenantId', 'clientId', 'accessToken'])
      const res = await fetch(`${ready.graphUrl}/beta/deviceManagement/managedDevices?$count=true&$top=1`, {
        headers: { authorization: `Bearer ${ready.accessToken}` },
      })
      expect(((await res.json()) as { '@odata.count': number })['@odata.count']).toBe(20)
    } finally {
      await tenant.close()
    }
  })
})

describe.skipIf(!existsSync(builtCli))('the built bin (npx passcode-desk demo-tenant serve)', () => {
  it('serves until SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        resolve(root, 'electron/tools/passcode-desk.mjs'),
        'demo-tenant',
        'serve',
        '--devices',
        '10',
        '--throttle',
        '0',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          const nl = out.indexOf('\n')
          if (nl >= 0) resolveLine(out.slice(0, nl))
        })
        child.on('exit', (code) => reject(new Error(`exited ${String(code)}`)))
        setTimeout(() => reject(new Error('no ready line')), 20_000)
      })
      const ready = JSON.parse(line) as Record<string, string>
      const res = await fetch(`${ready.graphUrl}/v1.0/me`, {
        headers: { authorization: `Bearer ${ready.accessToken}` },
      })
      expect(res.status).toBe(200)
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', r))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  })
})

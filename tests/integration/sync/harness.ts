import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoTenant, type DemoTenant, type DemoTenantOptions } from '../../../electron/demo-tenant'
import type { Session, SessionProvider } from '../../../electron/core/auth/session'

/** A real minimal Session over the demo tenant: its Graph URL and a token it issued. */
export function demoSessions(
  demo: DemoTenant,
  profileDataDir: string,
): SessionProvider & { tokenCalls: () => number } {
  let calls = 0
  const session: Session = {
    profile: { id: 'demo', name: 'Demo', kind: 'demo', tenantId: demo.tenantId, graphBaseUrl: demo.graphUrl },
    profileDataDir,
    agent: () => null,
    getAccessToken: async () => {
      calls++
      return demo.issueAccessToken()
    },
    permissions: async () => new Set<string>(),
  }
  return { current: () => session, onChange: () => () => {}, tokenCalls: () => calls }
}

export interface Fixture {
  demo: DemoTenant
  dir: string
  close(): Promise<void>
}

export async function startFixture(options: DemoTenantOptions = {}): Promise<Fixture> {
  const demo = await startDemoTenant({ port: 0, devices: 1500, seed: 7, timeScale: 0.01, ...options })
  const dir = mkdtempSync(join(tmpdir(), 'pd-sync-'))
  return {
    demo,
    dir,
    async close() {
      await demo.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

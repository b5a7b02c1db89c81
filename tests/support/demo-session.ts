import type { Session, SessionProvider } from '../../electron/core/auth/session'
import type { DemoTenant } from '../../electron/demo-tenant'

/**
 * A signed-in demo session for integration tests that compose core modules themselves: the agent is
 * whoever `upn()` names at each call (a test may switch agents mid-way), with real demo-tenant tokens.
 */
export function demoSessions(demo: DemoTenant, profileDataDir: string, upn: () => string): SessionProvider {
  const session: Session = {
    profile: { id: 'demo', name: 'Demo', kind: 'demo', tenantId: demo.tenantId, graphBaseUrl: demo.graphUrl },
    profileDataDir,
    agent: () => ({ upn: upn(), displayName: upn(), tenantId: demo.tenantId, objectId: 'x' }),
    getAccessToken: async () => demo.issueAccessToken(upn()),
    permissions: async () => new Set<string>(),
  }
  return { current: () => session, onChange: () => () => {} }
}

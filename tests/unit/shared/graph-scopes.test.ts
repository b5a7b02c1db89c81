import { describe, expect, it } from 'vitest'
import { GRAPH_PERMISSIONS } from '../../../shared/graph-scopes'
import { graphScopes } from '../../../electron/core/profiles/clouds'
import { GRAPH_SCOPES, grantedGraphScopes } from '../../../electron/demo-tenant/identity'

/** Domain §2.5: one list of Graph scopes, asked for by core and granted by the demo tenant. */
describe('Graph scopes (shared/graph-scopes.ts)', () => {
  it('core asks for exactly the shared list, qualified outside the Global cloud', () => {
    expect(graphScopes('https://graph.microsoft.com', false)).toEqual([...GRAPH_PERMISSIONS])
    expect(graphScopes('https://graph.microsoft.us', true)).toEqual(
      GRAPH_PERMISSIONS.map((p) => `https://graph.microsoft.us/${p}`),
    )
  })

  it('the demo tenant grants what core asks for, and `.default` means the same list', () => {
    expect(GRAPH_SCOPES).toBe(GRAPH_PERMISSIONS)
    expect(grantedGraphScopes(graphScopes('http://127.0.0.1:1', false)).sort()).toEqual(
      [...GRAPH_PERMISSIONS].sort(),
    )
    expect(grantedGraphScopes(['https://graph.microsoft.com/.default', 'openid']).sort()).toEqual(
      [...GRAPH_PERMISSIONS].sort(),
    )
  })
})

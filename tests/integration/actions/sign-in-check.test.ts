import { afterEach, describe, expect, it } from 'vitest'
import { startHarness, type Harness } from './harness'

/**
 * `actions:issue` asks who is signed in once: the agent found by the handler is the one recorded
 * on the action and sent with it (electron/core/actions/handlers.ts → issue.ts), with no second
 * look that could disagree with the first.
 */
let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('actions:issue sign-in check', () => {
  it('looks at the signed-in agent exactly once for an issue that is sent', async () => {
    h = await startHarness()
    const agent = h.demo.agents.find((a) => a.role === 'helpDeskOperator')!
    h.agentChecks = 0
    const action = await h.call('actions:issue', h.issueInput('workProfileSucceeds'))
    expect(h.agentChecks).toBe(1)
    expect(action.agentUpn).toBe(agent.upn)
    expect(h.resetPosts()).toBe(1)
  })

  it('looks once, then refuses AUTH_REQUIRED without a POST, when nobody is signed in', async () => {
    h = await startHarness()
    h.signIn(null)
    h.agentChecks = 0
    const result = await h.callResult('actions:issue', h.issueInput('workProfileSucceeds'))
    expect(result.error?.code).toBe('AUTH_REQUIRED')
    expect(h.agentChecks).toBe(1)
    expect(h.resetPosts()).toBe(0)
  })
})

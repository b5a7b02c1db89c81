/**
 * Who may see and act on which device, as real Intune decides it (domain §9), written from
 * Microsoft's pages and public error samples — independent of the app's parsing:
 * - scope tags: a device none of whose roleScopeTagIds the agent's role assignment covers is left out
 *   of lists, and a GET or action on it answers 404 ResourceNotFound "Resource does not contain a tag
 *   allowed by the current role" in Intune's v3 message (microsoft/Intune-PowerShell-SDK issue 119);
 * - Multi Admin Approval: a protected action answers 403 ApprovalRequired with an
 *   `x-msft-approval-code` header (memdocs multi-admin-approval-graph-api.md, 2026-05-19).
 */
import { randomUUID } from 'node:crypto'
import { fail, type GraphRequest } from './graph-query'
import type { DemoAgent } from './types'

export interface AgentPolicy {
  /** Scope tags the agent's role covers; undefined = every tag. */
  readonly scopeTagIds?: readonly string[]
  /** Every action this agent sends needs a second admin's approval. */
  readonly requiresApproval?: boolean
  /** false: the agent's role lacks Audit data Read (auditEvents answer 403, as for a custom role). */
  readonly auditRead?: boolean
}

const ZERO = '00000000-0000-0000-0000-000000000000'

/**
 * Intune's "_version 3" error message: JSON in a string, support IDs in its Message (domain §9).
 * The Activity ID defaults to Graph's request-id; real Intune often gives its own (`activityId`).
 */
export function intuneV3Message(text: string, req: GraphRequest, activityId = req.requestId): string {
  const url = `https://fef.msua04.manage.microsoft.com/DeviceFE/StatelessDeviceFEService${req.url.pathname.replace(/^\/(v1\.0|beta)/, '')}?api-version=2026-05-01`
  return JSON.stringify(
    {
      _version: 3,
      Message: `${text} - Operation ID (for customer support): ${ZERO} - Activity ID: ${activityId} - Url: ${url}`,
      CustomApiErrorPhrase: '',
      RetryAfter: null,
      ErrorSourceService: '',
      HttpHeaders: '{}',
    },
    null,
    2,
  ).replace(/\n/g, '\r\n')
}

export class IntunePolicies {
  private readonly overrides = new Map<string, AgentPolicy>()

  constructor(private readonly agents: readonly DemoAgent[]) {}

  set(upn: string, policy: AgentPolicy): void {
    const key = upn.toLowerCase()
    if (!this.agents.some((a) => a.upn.toLowerCase() === key)) throw new Error(`Unknown demo agent '${upn}'.`)
    this.overrides.set(key, { ...this.overrides.get(key), ...policy })
  }

  policyOf(agent: DemoAgent): AgentPolicy {
    return { scopeTagIds: agent.scopeTagIds, ...this.overrides.get(agent.upn.toLowerCase()) }
  }

  /** Whether the agent's role covers one of the device's scope tags. */
  inScope(agent: DemoAgent, device: Readonly<Record<string, unknown>>): boolean {
    const allowed = this.policyOf(agent).scopeTagIds
    if (!allowed) return true
    const tags = Array.isArray(device.roleScopeTagIds) ? (device.roleScopeTagIds as unknown[]) : ['0']
    return tags.some((t) => typeof t === 'string' && allowed.includes(t))
  }

  requireScope(agent: DemoAgent, device: Readonly<Record<string, unknown>>, req: GraphRequest): void {
    if (this.inScope(agent, device)) return
    fail(
      404,
      'ResourceNotFound',
      intuneV3Message('Resource does not contain a tag allowed by the current role.', req),
      req,
    )
  }

  /** Multi Admin Approval for an action (device trait or agent policy): 403 with the approval code. */
  requireApproval(agent: DemoAgent, deviceProtected: boolean, req: GraphRequest): void {
    if (!deviceProtected && !this.policyOf(agent).requiresApproval) return
    // A request that already carries an approval code is the re-send after approval: let it through.
    if (req.headers['x-msft-approval-code']) return
    fail(
      403,
      'ApprovalRequired',
      intuneV3Message('This operation requires Multi Admin Approval.', req),
      req,
      { 'x-msft-approval-code': randomUUID() },
    )
  }
}

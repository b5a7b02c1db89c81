/**
 * Public types of the demo tenant (DESIGN §1). Other modules (sync, sign-in, actions tests) depend on
 * these: keep them stable, add optional members only.
 */
import type { IntuneBudgets } from './rate-limits'

export type AgentRole = 'helpDeskOperator' | 'readOnlyOperator'

export interface DemoAgent {
  readonly upn: string
  readonly displayName: string
  readonly objectId: string
  readonly role: AgentRole
  /**
   * Scope tags (roleScopeTagIds) the agent's role assignment covers; absent = every tag. A device
   * with none of them is invisible to the agent: left out of lists, and a GET or action on it answers
   * Intune's 404 "Resource does not contain a tag allowed by the current role" (domain §9).
   */
  readonly scopeTagIds?: readonly string[]
}

/**
 * Fault knobs for client reliability tests. Decisions are drawn from a PRNG seeded with the tenant
 * seed and the request's sequence number, so a test replaying the same requests sees the same faults.
 * Faults apply to Graph requests only (never to the identity endpoints), except `latencyMs`.
 */
export interface FaultOptions {
  /** Fraction (0..1) of Graph requests answered 429 TooManyRequests with `Retry-After`. */
  readonly throttleFraction: number
  /** Seconds put in `Retry-After` on a 429 (default 1; fractions kept to the millisecond). */
  readonly retryAfterSeconds: number
  /** Injected 429s carry no Retry-After (some Intune services, domain §9). */
  readonly omitRetryAfter: boolean
  /** Fraction (0..1) of Graph requests answered 503 ServiceUnavailable or 504 GatewayTimeout. */
  readonly unavailableFraction: number
  /** Delay added before every response (Graph and identity), in ms. */
  readonly latencyMs: number
  /** Fraction (0..1) of Graph requests whose socket is destroyed after part of the body was sent. */
  readonly dropConnectionFraction: number
  /** Fraction (0..1) of managedDevices list pages returned as truncated JSON (status 200). */
  readonly malformedPageFraction: number
  /**
   * 1-based position of a managedDevices list page (1 = first page, position derived from the
   * skiptoken, so it fails again when retried) that is always returned as truncated JSON. 0 = off.
   */
  readonly malformedPageAt: number
  /** The token endpoint answers invalid_grant/AADSTS65001 (consent_required) for every grant. */
  readonly consentRequired: boolean
  /**
   * Enforce Intune's documented budgets (domain §2.7) as sliding windows per app id and per
   * tenant, then 429 with a fractional Retry-After (rate-limits.ts). Default: off, unless
   * PASSCODE_DESK_DEMO_RATE_LIMITS=1.
   */
  readonly intuneRateLimits: boolean
}

export interface DemoTenantOptions {
  /**
   * The budgets `faults.intuneRateLimits` enforces (default Intune's, or scaled by
   * PASSCODE_DESK_DEMO_RATE_SCALE for a smaller benchmark with the same shape).
   */
  intuneBudgets?: IntuneBudgets
  /** TCP port on 127.0.0.1 (0 = any free port). */
  port?: number
  /** Number of generated devices (default 2000). Scenario devices come first. */
  devices?: number
  /** Generator and fault seed (default 1). */
  seed?: number
  /** Multiplies every simulated duration (1 = real, 0.01 = tests). Default 1. */
  timeScale?: number
  /** Access-token lifetime (default 3600 s). */
  accessTokenLifetimeSeconds?: number
  /** Refresh-token lifetime (default 90 days). */
  refreshTokenLifetimeSeconds?: number
  faults?: Partial<FaultOptions>
  /** Tenant GUID (default DEFAULT_TENANT_ID). */
  tenantId?: string
  /** The one registered public client (default DEFAULT_CLIENT_ID). */
  clientId?: string
  /**
   * Past resetPasscode/remoteLock actions seeded over the last 30 days (history, remoteActionAudits,
   * auditEvents), never on scenario devices. Default min(80, devices / 50); 0 for none.
   */
  historyActions?: number
  /**
   * Reference "now" of the generated data in ms since epoch (default: Date.now() at start). Device
   * dates (last check-in, enrolment) are spread backwards from it; pass a fixed value for
   * byte-identical data across runs.
   */
  referenceTime?: number
  /** A file whose content (`up` | `refuse` | `drop` | `hang`) takes the tenant off the network (network.ts). */
  networkControlFile?: string
}

export interface RequestLogEntry {
  readonly method: string
  /** Path and query as received. */
  readonly path: string
  readonly status: number
}

/** Internal device record as handed to tests: the beta view with every property, plus hidden traits. */
export type GraphDevice = Readonly<Record<string, unknown>> & {
  readonly id: string
  readonly deviceName: string
}

export interface DemoDeviceAccess {
  /** The device in Graph beta shape (all properties, real values, live action results), or undefined. */
  getDevice(id: string): GraphDevice | undefined
  /** Ids in list order (excluding removed devices). */
  listDeviceIds(): string[]
  /** First device (in list order) matching the predicate. */
  findDevice(predicate: (device: GraphDevice) => boolean): GraphDevice | undefined
  /** Hidden traits that decide action outcomes (never served by Graph). */
  getTraits(id: string): Readonly<DeviceTraits> | undefined
  /** Deletes a device (the next list/get no longer returns it). Returns false if unknown. */
  removeDevice(id: string): boolean
  /** Overrides Graph properties of a device (e.g. deviceName, lastSyncDateTime). */
  updateDevice(id: string, patch: Readonly<Record<string, unknown>>): boolean
  /** Overrides hidden traits of a device (e.g. make it check in). */
  updateTraits(id: string, patch: Partial<DeviceTraits>): boolean
  readonly count: number
}

/** Enrolment kinds the behaviour table distinguishes (hidden; derived from Intune's documented matrix). */
export type DeviceKind =
  | 'iosDevice'
  | 'iosUserEnrollment'
  | 'androidDeviceAdministrator'
  | 'androidWorkProfile'
  | 'androidCorporateWorkProfile'
  | 'androidFullyManaged'
  | 'androidDedicated'
  | 'androidAospUserAssociated'
  | 'androidAospUserless'
  | 'windows'
  | 'macos'
  | 'linux'
  /** Apple Vision Pro enrolled through ADE / device enrollment (ClearPasscode on visionOS 1.1+). */
  | 'visionosDevice'
  /** Apple Vision Pro with (account-driven) User Enrollment: ClearPasscode is forbidden. */
  | 'visionosUserEnrollment'

export interface DeviceTraits {
  readonly kind: DeviceKind
  /** iOS: Intune holds a valid unlock token (otherwise Remove passcode fails, RM-2026). */
  readonly unlockTokenValid: boolean
  /** Android work profile / COPE: the user activated the reset token (domain §1.6). */
  readonly resetTokenActivated: boolean
  /** Android: a passcode policy is assigned (otherwise reset fails, MD-2025a/b). */
  readonly passcodePolicyAssigned: boolean
  /** The device checks in and picks up pending actions (false: stays pending forever). */
  readonly checksIn: boolean
  /**
   * A Multi Admin Approval access policy protects this device's actions (domain §9): a POST answers
   * 403 ApprovalRequired with an `x-msft-approval-code` header, and nothing reaches the device.
   */
  readonly requiresApproval?: boolean
  /**
   * Intune reports this actionState (instead of the outcome's) on the device's action result — e.g.
   * the proposed `awaitingAdminAction` member (domain §9) — until the trait is cleared.
   */
  readonly reportsActionState?: string
  /**
   * The device's GET by id and actions answer as real Intune does in one of its documented failure
   * shapes (domain §9; table in `intune-answers.ts`), so the app's unwrapping is proven over HTTP.
   */
  readonly answersLike?: IntuneAnswer
}

/** Real-Intune answers a chosen device gives (domain §9); see `intune-answers.ts`. */
export type IntuneAnswer = 'nestedUnknownError' | 'scopeTagDenied' | 'throttledFractional'

export interface DemoTenant {
  readonly baseUrl: string
  /** Graph root: clients append `/v1.0` or `/beta`. */
  readonly graphUrl: string
  /** `http://127.0.0.1:PORT/<tenantId>` (MSAL needs an https authority: see README.md). */
  readonly authority: string
  readonly tenantId: string
  readonly clientId: string
  readonly agents: readonly DemoAgent[]
  /** A valid access token for the agent (default: the first Help Desk Operator). */
  issueAccessToken(upn?: string): string
  setFaults(faults: Partial<FaultOptions>): void
  /** Takes the tenant off the network or back (network.ts): refuse, drop or hang connections. */
  setNetwork(mode: 'up' | 'refuse' | 'drop' | 'hang'): Promise<void>
  revokeRefreshTokens(upn: string): void
  /**
   * Changes an agent's Intune role assignment: `scopeTagIds` (the scope tags it covers; devices with
   * none of them answer the scope-tag 404) and `requiresApproval` (Multi Admin Approval on every
   * action the agent sends). Domain §9.
   */
  setAgentPolicy(
    upn: string,
    policy: {
      readonly scopeTagIds?: readonly string[]
      readonly requiresApproval?: boolean
      /** false: 403 on auditEvents (the role lacks Audit data Read). */
      readonly auditRead?: boolean
    },
  ): void
  requestLog(): readonly RequestLogEntry[]
  clearRequestLog(): void
  readonly devices: DemoDeviceAccess
  /** Device id of a named scenario (see SCENARIOS); throws if the tenant has too few devices. */
  scenarioDevice(name: ScenarioName): string
  /** The openid-configuration JSON (for MSAL's `authorityMetadata`). */
  openIdConfiguration(): Record<string, unknown>
  /** The instance-discovery JSON (for MSAL's `cloudDiscoveryMetadata`). */
  instanceDiscovery(): Record<string, unknown>
  close(): Promise<void>
}

export type ScenarioName =
  | 'iosRemovalSucceeds'
  | 'iosBadUnlockToken'
  | 'iosUserEnrollment'
  | 'workProfileSucceeds'
  | 'workProfileTokenNotActivated'
  | 'workProfileAndroid7'
  | 'androidNoPasscodePolicy'
  | 'corporateWorkProfileSucceeds'
  | 'fullyManagedSucceeds'
  | 'dedicatedSucceeds'
  | 'aospSucceeds'
  | 'aospUserlessSucceeds'
  | 'deviceAdministrator6Succeeds'
  | 'deviceAdministrator7NotSupported'
  | 'staleNeverChecksIn'
  | 'windowsLaptop'
  | 'macos'
  | 'linux'
  | 'wipePending'
  | 'visionosRemovalSucceeds'
  | 'visionosUserEnrollment'
  | 'outsideSamuelScope'
  | 'approvalRequired'
  | 'unknownActionState'
  | 'nestedUnknownError'
  | 'scopeTagsChanged'
  | 'throttledFractional'

/**
 * Intune's devices-service budgets (domain §2.7, Graph `includes/throttling-intune-devices.md`):
 * per app per tenant 2,000 requests and 200 writes per 20 s; per tenant, all apps together, 4,000
 * and 400. Counted as sliding windows: a request is admitted when every window it belongs to has
 * room, and only admitted requests count (a refused one did no work). A refusal says when the
 * fullest window frees a slot, as `Retry-After` in fractional seconds, the way Microsoft's
 * throttling sample writes it (`2.128`, domain §9).
 */

export interface IntuneBudgets {
  readonly windowMs: number
  readonly appAny: number
  readonly appWrites: number
  readonly tenantAny: number
  readonly tenantWrites: number
}

export const INTUNE_DEVICE_BUDGETS: IntuneBudgets = {
  windowMs: 20_000,
  appAny: 2000,
  appWrites: 200,
  tenantAny: 4000,
  tenantWrites: 400,
}

/** Admission times of one window, oldest first (a ring buffer: the limit bounds its size). */
class SlidingWindow {
  private readonly times: number[]
  private head = 0
  private size = 0

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.times = new Array<number>(Math.max(1, limit)).fill(0)
  }

  /** Milliseconds until a slot is free (0 = free now). */
  waitMs(now: number): number {
    while (this.size > 0 && this.times[this.head]! <= now - this.windowMs) {
      this.head = (this.head + 1) % this.times.length
      this.size--
    }
    if (this.size < this.limit) return 0
    return this.times[this.head]! + this.windowMs - now
  }

  add(now: number): void {
    this.times[(this.head + this.size) % this.times.length] = now
    this.size++
  }
}

export class IntuneBudgetLimiter {
  private readonly apps = new Map<string, { any: SlidingWindow; writes: SlidingWindow }>()
  private readonly tenantAny: SlidingWindow
  private readonly tenantWrites: SlidingWindow

  constructor(private readonly budgets: IntuneBudgets = INTUNE_DEVICE_BUDGETS) {
    this.tenantAny = new SlidingWindow(budgets.tenantAny, budgets.windowMs)
    this.tenantWrites = new SlidingWindow(budgets.tenantWrites, budgets.windowMs)
  }

  /**
   * Admits the request (returns 0) or refuses it with the seconds to wait (> 0, three decimals).
   * `appId` is the token's `appid`: every agent of one helpdesk shares their app registration's
   * budget (DESIGN §5).
   */
  take(appId: string, isWrite: boolean, now = Date.now()): number {
    let app = this.apps.get(appId)
    if (!app) {
      app = {
        any: new SlidingWindow(this.budgets.appAny, this.budgets.windowMs),
        writes: new SlidingWindow(this.budgets.appWrites, this.budgets.windowMs),
      }
      this.apps.set(appId, app)
    }
    const windows = isWrite
      ? [app.any, app.writes, this.tenantAny, this.tenantWrites]
      : [app.any, this.tenantAny]
    let wait = 0
    for (const window of windows) wait = Math.max(wait, window.waitMs(now))
    if (wait > 0) return Math.max(0.001, Math.ceil(wait) / 1000)
    for (const window of windows) window.add(now)
    return 0
  }
}

/** `PASSCODE_DESK_DEMO_RATE_LIMITS=1` turns the budgets on for a demo tenant started from the environment. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv): boolean {
  return env.PASSCODE_DESK_DEMO_RATE_LIMITS === '1'
}

/**
 * PASSCODE_DESK_DEMO_RATE_SCALE=0.1 divides every budget by ten (same 20 s windows): a team-scale
 * benchmark can then meet the same storm with a tenth of the data.
 */
export function budgetsFromEnv(env: NodeJS.ProcessEnv): IntuneBudgets {
  const scale = Number(env.PASSCODE_DESK_DEMO_RATE_SCALE ?? '1')
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1) return INTUNE_DEVICE_BUDGETS
  const b = INTUNE_DEVICE_BUDGETS
  const of = (n: number) => Math.max(1, Math.round(n * scale))
  return {
    windowMs: b.windowMs,
    appAny: of(b.appAny),
    appWrites: of(b.appWrites),
    tenantAny: of(b.tenantAny),
    tenantWrites: of(b.tenantWrites),
  }
}

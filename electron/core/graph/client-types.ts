/** What a Graph client offers its callers (built by graph/client.ts, for core by graph/session-client.ts). */

export interface RequestOptions {
  readonly signal?: AbortSignal
  /** GET defaults to true (idempotent); POST to false: a second resetPasscode is a second action. */
  readonly retry?: boolean
  /** Sent as `client-request-id`; a new UUID when omitted (learn.microsoft.com/graph/best-practices-concept). */
  readonly clientRequestId?: string
  /** Told before each wait caused by throttling or unavailability (the sync shows it). */
  readonly onWait?: (wait: GraphWait) => void
}

export interface GraphWait {
  readonly waitMs: number
  /** 429, 503, 504, or 0 for "reads held after another read was throttled". */
  readonly status: number
}

export interface PostOptions extends RequestOptions {
  readonly body?: unknown
}

export interface GraphResponse<T> {
  readonly status: number
  /** Parsed JSON, or null for an empty body (204). */
  readonly body: T
  /** Graph's `request-id` response header (support asks for it). */
  readonly requestId: string | null
  readonly clientRequestId: string
  readonly attempts: number
}

export interface GraphClient {
  get<T = unknown>(pathOrUrl: string, options?: RequestOptions): Promise<GraphResponse<T>>
  post<T = unknown>(path: string, options?: PostOptions): Promise<GraphResponse<T | null>>
  /** Origin of the Graph root, for checking nextLinks. */
  origin(): string
}

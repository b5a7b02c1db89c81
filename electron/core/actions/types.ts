import type { Db } from '../store/db'
import type { PasscodeGraph } from './graph'
import type { ActionRepository } from './repository'

/** Every delay of the action life cycle; tests shrink them to milliseconds. */
export interface ActionTiming {
  /** First poll after the POST. */
  readonly pollInitialMs: number
  /** Backoff cap between polls. */
  readonly pollMaxMs: number
  readonly pollFactor: number
  /** After this long without a terminal state the action is shown as "still pending" (default 30 min). */
  readonly giveUpMs: number
  /** A second action on the same device within this window needs confirmation (15 minutes by default). */
  readonly repeatWindowMs: number
  /** After an uncertain POST, how long Intune may take to show the action before we call it not sent. */
  readonly verifyWindowMs: number
  /** The passcode is forgotten this long after it is revealed (60 s; DESIGN §4: shown once on request). */
  readonly revealMs: number
  /** A passcode nobody revealed is forgotten after this long (it can be re-read from Graph). */
  readonly unrevealedMs: number
}

export const DEFAULT_TIMING: ActionTiming = {
  pollInitialMs: 3_000,
  pollMaxMs: 60_000,
  pollFactor: 1.6,
  giveUpMs: 30 * 60_000,
  repeatWindowMs: 15 * 60_000,
  verifyWindowMs: 2 * 60_000,
  revealMs: 60_000,
  unrevealedMs: 15 * 60_000,
}

/** One profile's action state: its database and how to reach its Graph. */
export interface ProfileContext {
  readonly profileId: string
  readonly db: Db
  readonly repo: ActionRepository
  /** Built from the session active now (token and Graph root can change with sign-in). */
  graph(): PasscodeGraph
}

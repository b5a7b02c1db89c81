import { createReachability, type Reachability } from '../connectivity/model'

/**
 * What the sync engine and the device service need from the reachability model
 * (electron/core/connectivity): note each Graph outcome, read whether Graph answers.
 */
export type Connectivity = Pick<Reachability, 'note' | 'online'> & Partial<Pick<Reachability, 'onChange'>>

/** A stand-alone model (CLI, tests); the app shares the one from createConnectivityModule. */
export function createConnectivity(): Connectivity {
  return createReachability()
}

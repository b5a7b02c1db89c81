import { Worker } from 'node:worker_threads'
import { CodedError } from '@shared/errors'
import { silentLogger, type Logger } from '../../log'
import type { SqlWorkerData, SnapshotReplies, SnapshotRequest, WorkerCall, WorkerReply } from './protocol'
import { inThreadSnapshot, type OpenSnapshot } from './staged-snapshot'

export interface SqlWorkerOptions {
  /** The built worker script (out/main/sql-worker.js); each host passes its own (DESIGN §1). */
  readonly script: string | URL
  /** CoreOptions.sqliteNativeBinding: the worker loads the same better-sqlite3 build. */
  readonly nativeBinding?: string
  readonly log?: Logger
}

/**
 * Full-pass snapshots written by a SQL worker thread (store/worker/sql-worker.ts): one thread per
 * pass, on its own connection to the cache file, ended when the pass commits, aborts or fails.
 * The staging, the resume point and the swap are the very code of store/snapshot.ts, so a killed
 * process loses nothing more than before (each staged page is its own committed transaction).
 * An in-memory database cannot be shared with another connection: it stays on this thread; so
 * does a pass whose worker cannot start (e.g. a runtime that cannot load the script), with a
 * warning in the log: slower to answer during the sync, but the sync still happens.
 */
export function workerSnapshots(options: SqlWorkerOptions): OpenSnapshot {
  return async (db, { resume = false }) => {
    if (db.memory) return inThreadSnapshot(db, { resume })
    const data: SqlWorkerData = { file: db.name, nativeBinding: options.nativeBinding }
    // A small young generation: with the next page handed over before the last one is staged
    // (sync/full-pass.ts), the default let the process peak at 308 MB at 100,000 devices against
    // 256 MB before; 8 MB kept it at 264 MB (DESIGN §5 memory budget).
    const worker = new Worker(options.script, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    })
    const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
    let nextId = 1
    let gone: Error | null = null
    const fail = (error: Error) => {
      gone ??= error
      for (const { reject } of pending.values()) reject(gone)
      pending.clear()
    }
    worker.on('message', (reply: WorkerReply) => {
      const waiter = pending.get(reply.id)
      if (!waiter) return
      pending.delete(reply.id)
      if (reply.ok) waiter.resolve(reply.value)
      else
        waiter.reject(
          reply.error.code
            ? new CodedError(reply.error.code, reply.error.message)
            : new CodedError('DB_ERROR', reply.error.message),
        )
    })
    worker.on('error', (error) =>
      fail(
        new CodedError('DB_ERROR', `The SQL worker failed: ${error.message}`, undefined, { cause: error }),
      ),
    )
    worker.on('exit', (code) =>
      fail(new CodedError('DB_ERROR', `The SQL worker stopped (exit code ${code})`)),
    )

    const call = <Op extends SnapshotRequest['op']>(
      request: Extract<SnapshotRequest, { op: Op }>,
    ): Promise<SnapshotReplies[Op]> => {
      if (gone) return Promise.reject(gone)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject })
        worker.postMessage({ id, request } satisfies WorkerCall)
      })
    }
    let closed: Promise<void> | null = null
    const close = () =>
      (closed ??= (async () => {
        try {
          await call({ op: 'close' })
        } catch {
          // already gone: terminate below is enough
        }
        await worker.terminate()
      })())

    let begun: SnapshotReplies['begin']
    try {
      begun = await call({ op: 'begin', resume })
    } catch (error) {
      await close()
      ;(options.log ?? silentLogger).warn('sync.sql-worker-unavailable', { error })
      return inThreadSnapshot(db, { resume })
    }
    let staged = begun.staged
    return {
      resumed: begun.resumed,
      get staged() {
        return staged
      },
      async addGraphPage(items, apiVersion, cachedAt, writes) {
        const reply = await call({ op: 'addGraphPage', items, apiVersion, cachedAt, writes })
        staged = reply.staged
        return reply
      },
      async prepare(pause) {
        // One build step per message: the pass's pause (cancellation) runs between steps as before.
        while (!(await call({ op: 'step' }))) await pause()
      },
      async commit(writes) {
        try {
          return await call({ op: 'commit', writes })
        } finally {
          await close()
        }
      },
      async abort() {
        try {
          if (!gone) await call({ op: 'abort' })
        } finally {
          await close()
        }
      },
      close,
    }
  }
}

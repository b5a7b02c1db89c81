/**
 * The SQL worker thread (DESIGN §3, §5): the full pass's SQLite writes — staging pages, building
 * the new table set, the swap — run here on a connection of their own, so that the core thread
 * keeps answering searches from its own connection while a large snapshot is written (WAL lets
 * readers go on beside one writer). Signal Desktop runs its SQL the same way. This file is its
 * own entry point in the build (electron.vite.config.ts → out/main/sql-worker.js); the client
 * side is store/worker/snapshot-worker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { CodedError } from '@shared/errors'
import { openDatabase } from '../db'
import { beginSnapshot, type SnapshotBuilder } from '../snapshot'
import type { SnapshotRequest, SqlWorkerData, WorkerCall, WorkerReply } from './protocol'
import { applyMetaWrites, graphPageRecords } from './staged-snapshot'

const port = parentPort
if (!port) throw new Error('sql-worker runs only as a worker thread')
const { file, nativeBinding } = workerData as SqlWorkerData
const db = openDatabase(file, { nativeBinding })
let builder: SnapshotBuilder | null = null

function current(): SnapshotBuilder {
  if (!builder) throw new Error('no snapshot begun')
  return builder
}

function handle(request: SnapshotRequest): unknown {
  switch (request.op) {
    case 'begin':
      builder = beginSnapshot(db, { resume: request.resume })
      return { resumed: builder.resumed, staged: builder.staged }
    case 'addGraphPage': {
      const records = graphPageRecords(request.items, request.apiVersion, request.cachedAt)
      current().addPage(records, () => applyMetaWrites(db, request.writes))
      return { staged: current().staged, skipped: request.items.length - records.length }
    }
    case 'step':
      return current().step()
    case 'commit':
      return current().commit(() => applyMetaWrites(db, request.writes))
    case 'abort':
      builder?.abort()
      return null
    case 'close':
      db.close()
      return null
  }
}

port.on('message', (call: WorkerCall) => {
  let reply: WorkerReply
  try {
    reply = { id: call.id, ok: true, value: handle(call.request) }
  } catch (error) {
    reply = {
      id: call.id,
      ok: false,
      error: {
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof CodedError ? { code: error.code } : {}),
      },
    }
  }
  port.postMessage(reply)
  // Nothing keeps the thread alive once its connection is closed.
  if (call.request.op === 'close') port.close()
})

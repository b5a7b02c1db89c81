// A renderer's stand-in for tests/bench/sync-responsiveness.bench.ts, in its own worker thread so
// that its clock and its sends do not wait on the core thread it measures: sends devices:search
// over the browser host's WebSocket bridge every `everyMs` (open loop, like keystrokes that do not
// wait for answers) and records each call's send and answer times (ms since the epoch).
import { parentPort, workerData } from 'node:worker_threads'
import WebSocket from 'ws'

const { url, protocols, origin, queries, everyMs } = workerData
const now = () => performance.timeOrigin + performance.now()
const samples = []
const sent = new Map()
const ws = new WebSocket(url, protocols, { origin })
let timer = null
let next = 1
ws.on('open', () => {
  parentPort.postMessage({ t: 'open' })
  timer = setInterval(() => {
    const id = next++
    const query = queries[id % queries.length]
    sent.set(id, { query, at: now() })
    ws.send(
      JSON.stringify({ t: 'call', id, channel: 'devices:search', input: { query, offset: 0, limit: 50 } }),
    )
  }, everyMs)
})
ws.on('message', (data) => {
  const message = JSON.parse(String(data))
  if (message.t !== 'result') return
  const call = sent.get(message.id)
  if (!call) return
  sent.delete(message.id)
  samples.push({ sent: call.at, received: now(), ok: message.result.ok === true })
})
ws.on('error', (error) => parentPort.postMessage({ t: 'error', message: String(error) }))
parentPort.on('message', (message) => {
  if (message !== 'stop') return
  clearInterval(timer)
  // Answers still owed count as unanswered at the time of stopping.
  const stoppedAt = now()
  for (const call of sent.values()) samples.push({ sent: call.at, received: stoppedAt, ok: false })
  parentPort.postMessage({ t: 'samples', samples })
  ws.close()
})

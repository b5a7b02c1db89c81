/**
 * Reads a Chromium trace (CDP Tracing, JSON events) for the work on the page's main thread
 * (CrRendererMain): the time inside top-level tasks, and how it splits among what ran directly in
 * them. Main-thread milliseconds hardly move with the machine's load, unlike latency, so a change
 * in the renderer shows in them even on a busy machine (tests/bench/keystroke-main-thread.pw.ts).
 */

export interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time, µs, when the trace records thread clocks. */
  tdur?: number
  args?: { name?: string }
}

export interface MainThreadWork {
  /** Sum of top-level task durations (thread CPU time where recorded), ms. */
  totalMs: number
  /** Top-level tasks counted. */
  tasks: number
  /** Time of each kind of outermost work inside the top-level tasks, ms, largest first. */
  byName: [string, number][]
}

/** Names Chromium gives the top-level tasks of a thread, across versions. */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])

/** The split's entry for task time no event inside names (without the v8 category, a bridge message's script). */
export const UNNAMED = 'other (unnamed: script run by a message, …)'

/** Events that only wrap the work (IPC delivery): the split shows what is inside them instead. */
const WRAPPERS = new Set(['Receive mojo message', 'SimpleWatcher::OnHandleReady', 'ThreadPool_RunTask'])

/**
 * The renderer main thread that did the most work (a page opened from one tab has one; a spare
 * renderer may exist but stays idle), then its top-level tasks and the outermost work inside them.
 */
export function mainThreadWork(events: readonly TraceEvent[]): MainThreadWork {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && mains.has(`${e.pid}:${e.tid}`))
  const byThread = new Map<string, TraceEvent[]>()
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`
    const list = byThread.get(key)
    if (list) list.push(e)
    else byThread.set(key, [e])
  }
  let best: TraceEvent[] = []
  let bestTotal = -1
  for (const list of byThread.values()) {
    const total = topLevelTasks(list).reduce((sum, e) => sum + cpu(e), 0)
    if (total > bestTotal) {
      best = list
      bestTotal = total
    }
  }
  const tasks = topLevelTasks(best)
  const byName = new Map<string, number>()
  // One sweep in time order: a task opens a window; an event starting inside it after the previous
  // one ended is the outermost work there (wrappers are looked through).
  let taskEnd = -Infinity
  let childEnd = -Infinity
  let unnamed = 0
  const top = new Set(tasks)
  for (const e of [...best].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    if (top.has(e)) {
      taskEnd = e.ts + e.dur!
      childEnd = -Infinity
      unnamed += cpu(e)
      continue
    }
    // The same task under another name, or a wrapper that says only where the task came from.
    if (TASK_NAMES.has(e.name) || WRAPPERS.has(e.name)) continue
    if (e.ts >= taskEnd || e.ts < childEnd) continue
    childEnd = e.ts + e.dur!
    unnamed -= cpu(e)
    byName.set(e.name, (byName.get(e.name) ?? 0) + cpu(e) / 1000)
  }
  // What the trace names no further: script run by a message (the bridge's answers) and the like.
  byName.set(UNNAMED, Math.max(0, unnamed) / 1000)
  return {
    totalMs: Math.max(0, bestTotal) / 1000,
    tasks: tasks.length,
    byName: [...byName].sort((a, b) => b[1] - a[1]),
  }
}

/**
 * CPU time of the thread inside an event when the trace has it (a descheduled thread on a loaded
 * machine does not count), else its wall time.
 */
function cpu(e: TraceEvent): number {
  return e.tdur ?? e.dur!
}

/** Task events not nested in another task event (a nested run loop reports its own). */
function topLevelTasks(list: readonly TraceEvent[]): TraceEvent[] {
  const tasks = list.filter((e) => TASK_NAMES.has(e.name)).sort((a, b) => a.ts - b.ts)
  const top: TraceEvent[] = []
  let end = -Infinity
  for (const task of tasks) {
    if (task.ts < end) continue
    top.push(task)
    end = task.ts + task.dur!
  }
  return top
}

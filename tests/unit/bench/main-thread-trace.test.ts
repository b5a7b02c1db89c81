import { describe, expect, it } from 'vitest'
import { mainThreadWork, UNNAMED, type TraceEvent } from '../../bench/main-thread-trace'

/** A complete event on thread pid:tid, times in ms (the trace counts µs). */
const x = (name: string, ts: number, dur: number, tdur = dur, pid = 1, tid = 1): TraceEvent => ({
  name,
  ph: 'X',
  pid,
  tid,
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
})
const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
})

describe('mainThreadWork (keystroke-main-thread.pw.ts)', () => {
  it('counts the CPU time of top-level tasks on the busiest renderer main thread', () => {
    const work = mainThreadWork([
      thread(1, 1, 'CrRendererMain'),
      thread(2, 2, 'CrRendererMain'),
      thread(1, 3, 'Compositor'),
      // Wall 30 ms, on the CPU 12: a loaded machine descheduled the thread.
      x('RunTask', 0, 30, 12),
      x('ThreadControllerImpl::RunTask', 0, 30, 12),
      x('EventDispatch', 1, 10, 8),
      x('Layout', 2, 2),
      x('RunTask', 40, 5, 5),
      x('Receive mojo message', 40, 5, 5),
      x('Paint', 41, 3),
      // Another renderer's main thread, idler; and a thread that is not a main thread.
      x('RunTask', 0, 4, 4, 2, 2),
      x('RunTask', 0, 100, 100, 1, 3),
    ])
    expect(work.totalMs).toBe(17)
    expect(work.tasks).toBe(2)
    // Wrappers looked through; a child's own children are inside it; the rest is unnamed.
    expect(Object.fromEntries(work.byName)).toEqual({ EventDispatch: 8, Paint: 3, [UNNAMED]: 6 })
  })

  it('uses wall time for events without a thread clock', () => {
    const untimed: TraceEvent = { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 7000 }
    expect(mainThreadWork([thread(1, 1, 'CrRendererMain'), untimed]).totalMs).toBe(7)
  })
})

import { describe, expect, it } from 'vitest'
import { chartOption, colorOf } from '../../../../renderer/src/views/readiness/chartOption'
import { csvCell, tableCsv } from '../../../../renderer/src/views/readiness/csv'
import { formatBucketStart, formatDuration } from '../../../../renderer/src/views/readiness/format'
import {
  failuresChart,
  kindsChart,
  overTimeChart,
  staleChart,
  verdictChart,
} from '../../../../renderer/src/views/readiness/readinessCharts'
import type { ReadinessSummary } from '../../../../shared/api/schemas/readiness'

const t = (key: string, params?: Record<string, unknown>) =>
  params ? `${key}${JSON.stringify(params)}` : key

const SUMMARY: ReadinessSummary = {
  generatedAt: '2026-12-02T10:00:00.000Z',
  lastSyncAt: null,
  devices: {
    total: 14,
    byVerdict: [
      { verdict: 'eligible', count: 10 },
      { verdict: 'ineligible', count: 4 },
      { verdict: 'undetermined', count: 0 },
    ],
    byKindPlatform: [
      { enrollmentKind: 'iosDeviceEnrollment', platform: 'iOS', count: 6 },
      { enrollmentKind: 'androidDedicated', platform: 'Android', count: 4 },
      { enrollmentKind: 'iosDeviceEnrollment', platform: 'iPadOS', count: 3 },
      { enrollmentKind: 'windows', platform: null, count: 1 },
    ],
    stale: {
      days: 7,
      total: 5,
      byKind: [
        { enrollmentKind: 'iosDeviceEnrollment', count: 3 },
        { enrollmentKind: 'androidDedicated', count: 2 },
      ],
    },
  },
  actions: {
    rangeDays: 30,
    bucket: 'day',
    overTime: [
      {
        start: '2026-12-01',
        from: '2026-11-30T23:00:00.000Z',
        to: '2026-12-01T23:00:00.000Z',
        succeeded: 2,
        failed: 1,
        notSent: 0,
        canceled: 0,
        pending: 0,
      },
      {
        start: '2026-12-02',
        from: '2026-12-01T23:00:00.000Z',
        to: '2026-12-02T23:00:00.000Z',
        succeeded: 0,
        failed: 0,
        notSent: 1,
        canceled: 0,
        pending: 1,
      },
    ],
    failures: [
      { state: 'failed', failureCode: null, intuneErrorCode: -2016345060, actions: 3, devices: 2 },
      { state: 'notSent', failureCode: 'GRAPH_FORBIDDEN', intuneErrorCode: null, actions: 1, devices: 1 },
    ],
    completion: { medianMs: 120_000, count: 4, byAction: [] },
  },
}

describe('readiness charts', () => {
  it('a verdict bar opens exactly that verdict; an empty verdict opens nothing from the table', () => {
    const c = verdictChart(SUMMARY, t)
    expect(c.categories).toEqual([
      'eligibility.verdict.eligible',
      'eligibility.verdict.ineligible',
      'eligibility.verdict.undetermined',
    ])
    expect(c.filtersAt(0, 1)).toEqual({ verdicts: ['ineligible'] })
    expect(c.table.rows.map((r) => r.filters)).toEqual([
      { verdicts: ['eligible'] },
      { verdicts: ['ineligible'] },
      undefined,
    ])
    expect(c.series[0]!.barColors).toEqual(['eligible', 'ineligible', 'undetermined'])
  })

  it('kinds are stacked by platform, largest kind first; a segment opens exactly its kind and platform', () => {
    const c = kindsChart(SUMMARY, t)
    expect(c.categories).toEqual([
      'eligibility.enrollment.iosDeviceEnrollment',
      'eligibility.enrollment.androidDedicated',
      'eligibility.enrollment.windows',
    ])
    expect(c.series.map((s) => s.name)).toEqual(['iOS', 'Android', 'iPadOS', 'readiness.platformUnknown'])
    expect(c.series.find((s) => s.name === 'iPadOS')!.data).toEqual([3, 0, 0])
    expect(c.filtersAt(2, 0)).toEqual({ enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iPadOS'] })
    expect(c.filtersAt(0, 0)).toEqual({ enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iOS'] })
    // An empty segment opens nothing; a device without an operating system opens its kind.
    expect(c.filtersAt(2, 1)).toBeNull()
    expect(c.filtersAt(3, 2)).toEqual({ enrollmentKinds: ['windows'] })
    expect(c.table.rows).toHaveLength(4)
    expect(c.table.rows.map((r) => r.filters)).toEqual([
      { enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iOS'] },
      { enrollmentKinds: ['androidDedicated'], platforms: ['Android'] },
      { enrollmentKinds: ['iosDeviceEnrollment'], platforms: ['iPadOS'] },
      { enrollmentKinds: ['windows'] },
    ])
  })

  it('a stale bar opens eligible devices of that kind without a check-in for the same days', () => {
    const c = staleChart(SUMMARY, t)
    expect(c.filtersAt(0, 1)).toEqual({
      verdicts: ['eligible'],
      enrollmentKinds: ['androidDedicated'],
      lastCheckInOlderThanDays: 7,
    })
    expect(c.filtersAt(0, 5)).toBeNull()
  })

  it('action bars open History on exactly their period and outcome states, reasons on their codes; rows on the period', () => {
    const over = overTimeChart(SUMMARY, t, String)
    expect(over.historyAt(0, 0)).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-01T23:00:00.000Z',
      states: ['done'],
    })
    // Failed folds notSupported in (shared/action-outcomes.ts); pending holds every open state.
    expect(over.historyAt(1, 0)?.states).toEqual(['failed', 'notSupported'])
    expect(over.historyAt(4, 1)?.states).toEqual([
      'sending',
      'pending',
      'active',
      'stillPending',
      'awaitingApproval',
      'unknownState',
    ])
    // An empty segment or a bar outside the chart opens nothing.
    expect(over.historyAt(0, 1)).toBeNull()
    expect(over.historyAt(9, 0)).toBeNull()
    expect(over.table.rows[1]!.history).toEqual({
      from: '2026-12-01T23:00:00.000Z',
      to: '2026-12-02T23:00:00.000Z',
    })
    const failures = failuresChart(SUMMARY, t)
    // A reason opens its state and both its codes, not every failure of that state, over the
    // range's both ends (the History form's date picker needs both).
    expect(failures.historyAt(1, 1)).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-02T23:00:00.000Z',
      states: ['notSent'],
      reason: { failureCode: 'GRAPH_FORBIDDEN', intuneErrorCode: null },
    })
    expect(failures.table.rows[0]!.history).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-02T23:00:00.000Z',
      states: ['failed'],
      reason: { failureCode: null, intuneErrorCode: -2016345060 },
    })
    expect(failures.historyAt(0, 5)).toBeNull()
    // Device charts open no History.
    expect(verdictChart(SUMMARY, t).historyAt(0, 0)).toBeNull()
    expect(staleChart(SUMMARY, t).historyAt(0, 0)).toBeNull()
    expect(kindsChart(SUMMARY, t).historyAt(0, 0)).toBeNull()
  })

  it('action charts open no device search; failure reasons carry their code', () => {
    const over = overTimeChart(SUMMARY, t, (s) => `<${s}>`)
    expect(over.categories).toEqual(['<2026-12-01>', '<2026-12-02>'])
    expect(over.series.map((s) => s.data)).toEqual([
      [2, 0],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 1],
    ])
    expect(over.filtersAt(0, 0)).toBeNull()
    expect(over.empty).toBe(false)
    const failures = failuresChart(SUMMARY, t)
    expect(failures.categories).toEqual([
      'actions.state.failed · -2016345060',
      'actions.state.notSent · GRAPH_FORBIDDEN',
    ])
    expect(failures.table.rows[1]!.cells).toEqual(['actions.state.notSent', 'errors.GRAPH_FORBIDDEN', 1, 1])
    expect(failures.filtersAt(0, 0)).toBeNull()
  })

  it('says a chart is empty rather than drawing no bar', () => {
    const none: ReadinessSummary = {
      ...SUMMARY,
      devices: { ...SUMMARY.devices, total: 0, byKindPlatform: [], stale: { days: 7, total: 0, byKind: [] } },
      actions: {
        ...SUMMARY.actions,
        overTime: [
          {
            start: '2026-12-02',
            from: '2026-12-01T23:00:00.000Z',
            to: '2026-12-02T23:00:00.000Z',
            succeeded: 0,
            failed: 0,
            notSent: 0,
            canceled: 0,
            pending: 0,
          },
        ],
        failures: [],
      },
    }
    for (const c of [
      verdictChart(none, t),
      kindsChart(none, t),
      staleChart(none, t),
      overTimeChart(none, t, String),
      failuresChart(none, t),
    ])
      expect(c.empty, c.id).toBe(true)
  })

  it('builds an ECharts option in the theme: horizontal bars largest on top, pointer only where clickable', () => {
    const theme = { dark: true, text: '#eee', muted: '#aaa', line: '#333', surface: '#222' }
    const option = chartOption(staleChart(SUMMARY, t), theme, 'aria', String) as {
      yAxis: { type: string; inverse: boolean }
      series: { cursor: string; itemStyle: { color: string } }[]
    }
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true })
    expect(option.series[0]!.cursor).toBe('pointer')
    expect(option.series[0]!.itemStyle.color).toBe(colorOf('warning', 0, true))
    const over = chartOption(
      overTimeChart(SUMMARY, t, String),
      { ...theme, dark: false },
      'aria',
      String,
    ) as {
      series: { cursor: string; stack: string }[]
    }
    expect(over.series.every((s) => s.cursor === 'pointer' && s.stack === 'total')).toBe(true)
    const none = { ...SUMMARY, actions: { ...SUMMARY.actions, failures: [] } }
    const empty = chartOption(failuresChart(none, t), theme, 'aria', String) as {
      series: { cursor: string }[]
    }
    expect(empty.series.every((s) => s.cursor === 'default')).toBe(true)
    expect(colorOf('failed', 0, false)).not.toBe(colorOf('failed', 0, true))
  })
})

describe('readiness CSV and formats', () => {
  it('French CSV: `;`, decimal comma, BOM, CRLF; formulas neutralised, negative numbers kept', () => {
    expect(
      tableCsv(
        ['Motif', 'Délai'],
        [
          ['=cmd', 1.5],
          ['a;b', -2016345060],
        ],
        'fr',
      ),
    ).toBe('\uFEFFMotif;Délai\r\n\'=cmd;1,5\r\n"a;b";-2016345060\r\n')
    expect(tableCsv(['Reason', 'n'], [['x, y', 2]], 'en')).toBe('\uFEFFReason,n\r\n"x, y",2\r\n')
    expect(csvCell('say "hi"', ',', 'en')).toBe('"say ""hi"""')
  })

  it('durations and bucket dates in the agent language', () => {
    expect(formatDuration(45_000, 'en')).toBe('45 sec')
    expect(formatDuration(12 * 60_000, 'fr')).toBe('12\u00a0min')
    expect(formatDuration(125 * 60_000, 'en')).toBe('2 hr 5 min')
    expect(formatBucketStart('2026-12-01', 'month', 'fr')).toBe('déc. 2026')
    expect(formatBucketStart('2026-11-30', 'week', 'en')).toBe('Nov 30')
  })
})

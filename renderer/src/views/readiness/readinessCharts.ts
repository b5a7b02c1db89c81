import { statesOfOutcome } from '@shared/action-outcomes'
import type { DeviceFilters } from '@shared/api/schemas/devices'
import type { HistoryFilters } from '@shared/api/schemas/history'
import { ACTION_OUTCOMES, type ActionOutcome, type ReadinessSummary } from '@shared/api/schemas/readiness'
import type { EnrollmentKind, Verdict } from '@shared/eligibility/codes'

/**
 * The Readiness charts as data (DESIGN §1 "see the fleet"): for each chart its bars, its data table
 * and what a bar opens: for device bars, the device-search filters that list exactly the devices
 * the bar counts; for action bars, the History filters of exactly its actions.
 * Pure, so the view only draws (ReadinessChart.vue) and these rules are unit-tested.
 */

export type ChartId = 'verdict' | 'kinds' | 'stale' | 'overTime' | 'failures'

/** The i18n function of the view (vue-i18n `t`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string

export type SeriesColor = Verdict | ActionOutcome | 'platform' | 'neutral' | 'warning'

export interface ChartSeries {
  readonly name: string
  readonly color: SeriesColor
  /** One value per category. */
  readonly data: readonly number[]
  /** Per-bar colours when the categories are themselves coloured (verdicts). */
  readonly barColors?: readonly SeriesColor[]
}

export interface TableRow {
  readonly cells: readonly (string | number)[]
  /** Device search filters of this row: an "open" button in the table, a click on its bar. */
  readonly filters?: DeviceFilters
  /** History filters of this row's actions: the same "open" button, opening History. */
  readonly history?: HistoryFilters
}

export interface ChartSpec {
  readonly id: ChartId
  /** Categories along the category axis (vertical bars) or down the side (horizontal bars). */
  readonly categories: readonly string[]
  readonly series: readonly ChartSeries[]
  readonly horizontal: boolean
  readonly stacked: boolean
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly TableRow[] }
  /** Filters of the bar at (series, category), or null when that bar is not a device set. */
  filtersAt(seriesIndex: number, categoryIndex: number): DeviceFilters | null
  /** History filters of the bar at (series, category), or null when that bar is not a set of actions. */
  historyAt(seriesIndex: number, categoryIndex: number): HistoryFilters | null
  /** Nothing to draw (the table and chart give way to a sentence). */
  readonly empty: boolean
}

const kindLabel = (t: Translate, kind: EnrollmentKind) => t(`eligibility.enrollment.${kind}`)
const platformLabel = (t: Translate, platform: string | null) => platform ?? t('readiness.platformUnknown')

export function verdictChart(s: ReadinessSummary, t: Translate): ChartSpec {
  const rows = s.devices.byVerdict
  const filters = rows.map((r): DeviceFilters => ({ verdicts: [r.verdict] }))
  return {
    id: 'verdict',
    categories: rows.map((r) => t(`eligibility.verdict.${r.verdict}`)),
    series: [
      {
        name: t('readiness.series.devices'),
        color: 'neutral',
        data: rows.map((r) => r.count),
        barColors: rows.map((r) => r.verdict),
      },
    ],
    horizontal: true,
    stacked: false,
    table: {
      columns: [t('readiness.columns.verdict'), t('readiness.columns.devices')],
      // A verdict with no device has nothing to open.
      rows: rows.map((r, i) => ({
        cells: [t(`eligibility.verdict.${r.verdict}`), r.count],
        filters: r.count > 0 ? filters[i] : undefined,
      })),
    },
    filtersAt: (_series, i) => filters[i] ?? null,
    historyAt: () => null,
    empty: s.devices.total === 0,
  }
}

/**
 * Enrollment kind down the side, one stacked segment per operating system. A segment opens the
 * device search on exactly its kind and operating system (a device Graph gave no operating system
 * has no platform value to filter on: its segment opens the kind).
 */
export function kindsChart(s: ReadinessSummary, t: Translate): ChartSpec {
  const totals = new Map<EnrollmentKind, number>()
  const byPlatform = new Map<string | null, number>()
  for (const r of s.devices.byKindPlatform) {
    totals.set(r.enrollmentKind, (totals.get(r.enrollmentKind) ?? 0) + r.count)
    byPlatform.set(r.platform, (byPlatform.get(r.platform) ?? 0) + r.count)
  }
  const kinds = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b))
  const platforms = [...byPlatform.keys()].sort((a, b) => byPlatform.get(b)! - byPlatform.get(a)!)
  const cell = new Map(s.devices.byKindPlatform.map((r) => [`${r.enrollmentKind}|${r.platform}`, r.count]))
  const exactly = (kind: EnrollmentKind, platform: string | null): DeviceFilters =>
    platform === null ? { enrollmentKinds: [kind] } : { enrollmentKinds: [kind], platforms: [platform] }
  return {
    id: 'kinds',
    categories: kinds.map((k) => kindLabel(t, k)),
    series: platforms.map((p) => ({
      name: platformLabel(t, p),
      color: 'platform',
      data: kinds.map((k) => cell.get(`${k}|${p}`) ?? 0),
    })),
    horizontal: true,
    stacked: true,
    table: {
      columns: [
        t('readiness.columns.enrollment'),
        t('readiness.columns.platform'),
        t('readiness.columns.devices'),
      ],
      rows: s.devices.byKindPlatform.map((r) => ({
        cells: [kindLabel(t, r.enrollmentKind), platformLabel(t, r.platform), r.count],
        filters: exactly(r.enrollmentKind, r.platform),
      })),
    },
    filtersAt: (series, i) => {
      const kind = kinds[i]
      if (kind === undefined || series < 0 || series >= platforms.length) return null
      return (cell.get(`${kind}|${platforms[series]}`) ?? 0) > 0 ? exactly(kind, platforms[series]!) : null
    },
    historyAt: () => null,
    empty: kinds.length === 0,
  }
}

/** Devices where the action is available but would likely wait: no check-in for `days` days or more. */
export function staleChart(s: ReadinessSummary, t: Translate): ChartSpec {
  const { byKind, days } = s.devices.stale
  const filters = byKind.map((r): DeviceFilters => ({
    verdicts: ['eligible'],
    enrollmentKinds: [r.enrollmentKind],
    lastCheckInOlderThanDays: days,
  }))
  return {
    id: 'stale',
    categories: byKind.map((r) => kindLabel(t, r.enrollmentKind)),
    series: [
      {
        name: t('readiness.series.staleDevices', { days }),
        color: 'warning',
        data: byKind.map((r) => r.count),
      },
    ],
    horizontal: true,
    stacked: false,
    table: {
      columns: [t('readiness.columns.enrollment'), t('readiness.columns.staleDevices', { days })],
      rows: byKind.map((r, i) => ({ cells: [kindLabel(t, r.enrollmentKind), r.count], filters: filters[i] })),
    },
    filtersAt: (_series, i) => filters[i] ?? null,
    historyAt: () => null,
    empty: byKind.length === 0,
  }
}

/**
 * Actions per period by outcome. A bar opens History on its period's actions in the states of its
 * outcome; a table row (one period, every outcome) on the whole period.
 */
export function overTimeChart(
  s: ReadinessSummary,
  t: Translate,
  formatStart: (start: string) => string,
): ChartSpec {
  const buckets = s.actions.overTime
  const total = buckets.reduce((n, b) => n + ACTION_OUTCOMES.reduce((m, o) => m + b[o], 0), 0)
  return {
    id: 'overTime',
    categories: buckets.map((b) => formatStart(b.start)),
    series: ACTION_OUTCOMES.map((o) => ({
      name: t(`readiness.outcome.${o}`),
      color: o,
      data: buckets.map((b) => b[o]),
    })),
    horizontal: false,
    stacked: true,
    table: {
      columns: [
        t(`readiness.columns.${s.actions.bucket}`),
        ...ACTION_OUTCOMES.map((o) => t(`readiness.outcome.${o}`)),
      ],
      rows: buckets.map((b) => ({
        cells: [formatStart(b.start), ...ACTION_OUTCOMES.map((o) => b[o])],
        history: ACTION_OUTCOMES.some((o) => b[o] > 0) ? { from: b.from, to: b.to } : undefined,
      })),
    },
    filtersAt: () => null,
    historyAt: (series, i) => {
      const b = buckets[i]
      const outcome = ACTION_OUTCOMES[series]
      if (!b || !outcome || b[outcome] === 0) return null
      return { from: b.from, to: b.to, states: statesOfOutcome(outcome) }
    },
    empty: total === 0,
  }
}

/** One reason's words: the state, and Intune's error code or this app's error text when known. */
export function failureReason(
  f: ReadinessSummary['actions']['failures'][number],
  t: Translate,
): { label: string; detail: string } {
  const label = t(`actions.state.${f.state}`)
  if (f.intuneErrorCode !== null)
    return { label, detail: t('readiness.intuneCode', { code: f.intuneErrorCode }) }
  if (f.failureCode !== null) return { label, detail: t(`errors.${f.failureCode}`) }
  return { label, detail: '' }
}

/**
 * Earlier failures by reason. A bar (or row) opens History on exactly that reason's actions in the
 * range: its end state and both of its codes (History's `reason` filter, null codes included), so
 * the count in History is the bar's count.
 */
export function failuresChart(s: ReadinessSummary, t: Translate): ChartSpec {
  const failures = s.actions.failures
  const reasons = failures.map((f) => failureReason(f, t))
  // The range as History's date picker holds it, both ends: with `from` alone its form had no range
  // to show and sent the filters back without it (all failures ever, not the range's).
  const from = s.actions.overTime[0]?.from
  const to = s.actions.overTime.at(-1)?.to
  const history = failures.map((f): HistoryFilters => {
    const reason = { failureCode: f.failureCode, intuneErrorCode: f.intuneErrorCode }
    return from && to ? { from, to, states: [f.state], reason } : { states: [f.state], reason }
  })
  return {
    id: 'failures',
    categories: failures.map((f, i) =>
      f.intuneErrorCode !== null
        ? `${reasons[i]!.label} · ${f.intuneErrorCode}`
        : f.failureCode !== null
          ? `${reasons[i]!.label} · ${f.failureCode}`
          : reasons[i]!.label,
    ),
    series: [
      { name: t('readiness.series.actions'), color: 'failed', data: failures.map((f) => f.actions) },
      { name: t('readiness.series.devices'), color: 'neutral', data: failures.map((f) => f.devices) },
    ],
    horizontal: true,
    stacked: false,
    table: {
      columns: [
        t('readiness.columns.reason'),
        t('readiness.columns.detail'),
        t('readiness.columns.actions'),
        t('readiness.columns.devices'),
      ],
      rows: failures.map((f, i) => ({
        cells: [reasons[i]!.label, reasons[i]!.detail, f.actions, f.devices],
        history: history[i],
      })),
    },
    filtersAt: () => null,
    historyAt: (_series, i) => history[i] ?? null,
    empty: failures.length === 0,
  }
}

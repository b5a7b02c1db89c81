import type { ChartSpec, SeriesColor } from './readinessCharts'

/**
 * An ECharts option for one chart spec, in the app's theme (light or dark): the colours below are
 * the app's status colours (Naive UI's success / error / warning / info in each theme), text and
 * lines come from the active Naive theme, so charts follow the theme switch like every other part.
 */

export interface ChartTheme {
  readonly dark: boolean
  readonly text: string
  readonly muted: string
  readonly line: string
  readonly surface: string
}

const STATUS: Record<'light' | 'dark', Record<Exclude<SeriesColor, 'platform'>, string>> = {
  light: {
    eligible: '#18a058',
    ineligible: '#d03050',
    undetermined: '#c27c0e',
    succeeded: '#18a058',
    failed: '#d03050',
    notSent: '#e0701b',
    canceled: '#8a8f98',
    pending: '#2080f0',
    neutral: '#5b6b82',
    warning: '#c27c0e',
  },
  dark: {
    eligible: '#63e2b7',
    ineligible: '#e88080',
    undetermined: '#f2c97d',
    succeeded: '#63e2b7',
    failed: '#e88080',
    notSent: '#f4a261',
    canceled: '#a0a4ab',
    pending: '#70c0e8',
    neutral: '#9aa6b8',
    warning: '#f2c97d',
  },
}

/** Operating systems: distinct hues, readable on both backgrounds. */
const PLATFORMS = {
  light: [
    '#2f6fdb',
    '#1a9e8f',
    '#8e5cd9',
    '#d9822b',
    '#c2417a',
    '#5b8c2a',
    '#6b7280',
    '#0e7490',
    '#a16207',
    '#be123c',
    '#4338ca',
    '#15803d',
  ],
  dark: [
    '#6ea8ff',
    '#4fd1c0',
    '#b794f6',
    '#f6ad55',
    '#f687b3',
    '#9ae6b4',
    '#a0aec0',
    '#67e8f9',
    '#fcd34d',
    '#fda4af',
    '#a5b4fc',
    '#86efac',
  ],
}

export function colorOf(color: SeriesColor, index: number, dark: boolean): string {
  const mode = dark ? 'dark' : 'light'
  if (color === 'platform') return PLATFORMS[mode][index % PLATFORMS[mode].length]!
  return STATUS[mode][color]
}

/** Room for one horizontal bar (px); the chart grows with its categories. */
export const ROW_HEIGHT = 30

export function chartHeight(spec: ChartSpec): number {
  if (!spec.horizontal) return 280
  const legend = spec.series.length > 1 ? 36 : 0
  return Math.max(140, spec.categories.length * ROW_HEIGHT + 48 + legend)
}

export function chartOption(
  spec: ChartSpec,
  theme: ChartTheme,
  aria: string,
  formatNumber: (n: number) => string,
): Record<string, unknown> {
  // Bars that open something (devices or History) show a pointer.
  const clickable = spec.table.rows.some((r) => r.filters !== undefined || r.history !== undefined)
  const legend = spec.series.length > 1
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    // Largest first, from the top.
    inverse: spec.horizontal,
    axisLabel: {
      color: theme.text,
      ...(spec.horizontal ? { width: 190, overflow: 'truncate' } : { hideOverlap: true }),
    },
    axisLine: { lineStyle: { color: theme.line } },
    axisTick: { show: false },
  }
  const valueAxis = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: theme.muted, formatter: (v: number) => formatNumber(v) },
    splitLine: { lineStyle: { color: theme.line } },
  }
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { fontFamily: 'inherit', color: theme.text },
    aria: { enabled: true, label: { description: aria } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      backgroundColor: theme.surface,
      borderColor: theme.line,
      textStyle: { color: theme.text },
      valueFormatter: (v: number) => formatNumber(v),
    },
    legend: legend
      ? { bottom: 0, type: 'scroll', textStyle: { color: theme.text }, pageTextStyle: { color: theme.text } }
      : { show: false },
    grid: { left: 8, right: 24, top: 12, bottom: legend ? 40 : 8 },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s, si) => ({
      type: 'bar',
      name: s.name,
      stack: spec.stacked ? 'total' : undefined,
      cursor: clickable ? 'pointer' : 'default',
      barMaxWidth: 28,
      emphasis: { focus: 'series' },
      itemStyle: { color: colorOf(s.color, si, theme.dark) },
      data: s.data.map((value, i) =>
        s.barColors ? { value, itemStyle: { color: colorOf(s.barColors[i]!, i, theme.dark) } } : value,
      ),
    })),
  }
}

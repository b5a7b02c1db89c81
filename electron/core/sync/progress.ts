import type { SyncProgress } from '@shared/api/schemas/sync'

/** Rate and estimate for the progress bar; ETA only when Graph told us the total (@odata.count). */
export function computeProgress(
  base: Pick<SyncProgress, 'runId' | 'phase' | 'pages' | 'devices' | 'total' | 'apiVersion'>,
  elapsedMs: number,
): SyncProgress {
  const seconds = elapsedMs / 1000
  const devicesPerSecond = seconds > 0 ? base.devices / seconds : 0
  const remaining = base.total === null ? null : Math.max(0, base.total - base.devices)
  const etaSeconds =
    remaining === null
      ? null
      : remaining === 0
        ? 0
        : devicesPerSecond > 0
          ? remaining / devicesPerSecond
          : null
  return {
    ...base,
    devicesPerSecond: Math.round(devicesPerSecond * 10) / 10,
    etaSeconds: etaSeconds === null ? null : Math.round(etaSeconds * 10) / 10,
    elapsedMs: Math.max(0, Math.round(elapsedMs)),
  }
}

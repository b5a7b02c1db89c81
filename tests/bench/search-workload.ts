import { openDatabase } from '../../electron/core/store/db'

export type SearchBenchInput = { query: string; filters?: Record<string, unknown> }

/** Search-as-you-type: names typed letter by letter, serial fragments, device names, a few filters. */
export function searchWorkload(file: string): SearchBenchInput[] {
  const db = openDatabase(file)
  const n = db.prepare('SELECT count(*) FROM devices').pluck().get() as number
  const sample = db
    .prepare('SELECT user_display_name, device_name, serial_number FROM devices WHERE pk % ? = 0 LIMIT 40')
    .all(Math.max(1, Math.floor(n / 40))) as {
    user_display_name: string | null
    device_name: string | null
    serial_number: string | null
  }[]
  db.close()
  const inputs: SearchBenchInput[] = []
  for (const s of sample) {
    const name = s.user_display_name ?? ''
    for (let len = 1; len <= Math.min(10, name.length); len++) inputs.push({ query: name.slice(0, len) })
    if (s.serial_number && s.serial_number.length > 8) inputs.push({ query: s.serial_number.slice(3, 8) })
    if (s.device_name) inputs.push({ query: s.device_name.slice(0, 5) })
  }
  const filters = [
    { query: '', filters: { verdicts: ['eligible'] } },
    { query: '', filters: { enrollmentKinds: ['androidWorkProfilePersonal'] } },
    { query: 'ma', filters: { ownership: ['personal'] } },
    { query: 'iphone', filters: { verdicts: ['eligible'], lastCheckInOlderThanDays: 30 } },
    { query: '' },
  ]
  for (let i = 0; i < 4; i++) inputs.push(...filters)
  return inputs
}

/** The class a workload input is reported under; `split` separates text + filters from filters only. */
export function searchClass(input: SearchBenchInput, split = false): string {
  if (input.filters) {
    if (!split) return 'with filters'
    return input.query
      ? `text + filters ${JSON.stringify(input)}`
      : `filters only ${JSON.stringify(input.filters)}`
  }
  const q = input.query
  if (split && q === '') return 'no text, no filter'
  if (/\d/.test(q)) return 'serial fragment'
  if (q.length <= 2) return `${q.length} char${q.length === 1 ? '' : 's'}`
  return '3+ chars'
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

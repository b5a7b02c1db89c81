import type Database from 'better-sqlite3'
import { evaluatePasscodeAction, renderRuleTable, type DeviceFacts } from '@shared/eligibility'
import { facetText } from './device-facets'
import type { DeviceRecord } from './device-record'
import { ftsValues } from './device-record'
import { FACET_COLUMN, FTS_COLUMNS } from './device-tables'
import { createSyncMetaRepository } from './sync-meta'

/**
 * Verdict, enrollment kind and action are stored per row at sync time so that filters are indexed
 * (device-record.ts). When a new app version changes the rules, rows cached by the old version would
 * keep the old badge until the next full sync; this recomputes them from the cached Graph JSON the
 * first time the new rules open the database. The fingerprint is the rendered rule table, which
 * changes whenever a rule's kind, condition, verdict, action or outcome does.
 */
export const RULES_FINGERPRINT: string = fnv1a(renderRuleTable())

const META_KEY = 'rulesFingerprint'

function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** Returns how many rows changed (0 when the rules are the ones the cache was written with). */
export function refreshStoredVerdicts(db: Database.Database, fingerprint = RULES_FINGERPRINT): number {
  const meta = createSyncMetaRepository(db)
  if (meta.value(META_KEY) === fingerprint) return 0
  const rows = db.prepare(
    'SELECT d.pk AS pk, d.verdict AS verdict, d.enrollment_kind AS kind, d.action AS action, r.raw AS raw ' +
      'FROM devices d JOIN devices_raw r ON r.pk = d.raw_pk',
  )
  const update = db.prepare('UPDATE devices SET verdict = ?, enrollment_kind = ?, action = ? WHERE pk = ?')
  // The word index holds verdict and enrollment kind as filter words (device-facets.ts): a changed
  // row's index entry is written again (contentless: delete, then insert every column).
  const row = db.prepare('SELECT * FROM devices WHERE pk = ?')
  const unindex = db.prepare('DELETE FROM devices_fts WHERE rowid = ?')
  const reindex = db.prepare(
    `INSERT INTO devices_fts (rowid, ${FTS_COLUMNS.join(', ')}, ${FACET_COLUMN})
     VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')}, ?)`,
  )
  // better-sqlite3 refuses writes while a statement iterates: collect first, then write.
  const changes: [string, string, string | null, number][] = []
  for (const row of rows.iterate() as Iterable<{
    pk: number
    verdict: string
    kind: string
    action: string | null
    raw: string
  }>) {
    let facts: unknown
    try {
      facts = JSON.parse(row.raw)
    } catch {
      facts = null // a damaged row: the rules answer 'undetermined' for it
    }
    const e = evaluatePasscodeAction(facts as DeviceFacts)
    if (e.verdict !== row.verdict || e.enrollment !== row.kind || e.action !== row.action) {
      changes.push([e.verdict, e.enrollment, e.action, row.pk])
    }
  }
  db.transaction(() => {
    for (const change of changes) {
      update.run(...change)
      const pk = change[3]
      const record = row.get(pk) as DeviceRecord
      unindex.run(pk)
      reindex.run(pk, ...ftsValues(record), facetText(record))
    }
    meta.setValue(META_KEY, fingerprint)
  })()
  const changed = changes.length
  return changed
}

/**
 * Renders the rule table (rules.ts) as Markdown for shared/eligibility/README.md. A unit test compares the
 * README with this output, so the documentation cannot drift from the code.
 */
import {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
  REASON_CODES,
  VERDICTS,
} from './codes'
import { OVERRIDE_RULES, STALE_SYNC_DAYS } from './overrides'
import { PLATFORM_RULES, type VersionCondition } from './rules'
import { formatVersion } from './version'

export const RULE_TABLE_START = '<!-- rule-table:start (generated from shared/eligibility/rules.ts) -->'
export const RULE_TABLE_END = '<!-- rule-table:end -->'

function condition(when: VersionCondition): string {
  switch (when.type) {
    case 'any':
      return 'any'
    case 'below':
      return `osVersion < ${formatVersion(when.version)}`
    case 'atLeast':
      return `osVersion ≥ ${formatVersion(when.version)}`
    case 'versionUnknown':
      return 'osVersion missing or unparseable'
  }
}

const cell = (value: string): string => value.replace(/\|/g, '\\|')
const codes = (list: readonly string[]): string =>
  list.length === 0 ? '—' : list.map((c) => `\`${c}\``).join(', ')

export function renderRuleTable(): string {
  const lines: string[] = [
    '### Platform rules (first matching row per kind)',
    '',
    '| Rule | Enrollment kind | Condition | Verdict | Action | Outcome | Reasons | Preconditions | Sources | Note |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of PLATFORM_RULES) {
    lines.push(
      `| ${[
        `\`${r.id}\``,
        `\`${r.enrollment}\``,
        condition(r.when),
        r.verdict,
        r.action === null ? '—' : `\`${r.action}\``,
        r.outcome === null ? '—' : `\`${r.outcome}\``,
        codes(r.reasons),
        codes(r.preconditions),
        r.sources.join(', '),
        cell(r.note),
      ].join(' | ')} |`,
    )
  }
  lines.push(
    '',
    '### Overrides (checked first; any match makes the device ineligible)',
    '',
    '| Rule | Field | Values (case-insensitive) | Reason | Sources | Note |',
    '|---|---|---|---|---|---|',
  )
  for (const o of OVERRIDE_RULES) {
    lines.push(
      `| ${[`\`${o.id}\``, o.field, codes(o.values), `\`${o.reason}\``, o.sources.join(', '), cell(o.note)].join(' | ')} |`,
    )
  }
  lines.push(
    '',
    `Eligible devices whose \`lastSyncDateTime\` is more than ${STALE_SYNC_DAYS} days before \`options.now\` (or is Graph's ` +
      '"never", null after the Graph boundary, on a device with an `enrolledDateTime`) also get the ' +
      'precondition `deviceNotSyncedRecently` (DM-ACTIONS: remote actions need the device online). It never changes the verdict.',
  )
  lines.push(
    '',
    '### Codes (i18n keys `eligibility.<group>.<code>`)',
    '',
    `- verdict: ${codes(VERDICTS)}`,
    `- action: ${codes(PASSCODE_ACTIONS)}`,
    `- enrollment: ${codes(ENROLLMENT_KINDS)}`,
    `- reason: ${codes(REASON_CODES)}`,
    `- precondition: ${codes(PRECONDITION_CODES)}`,
    `- outcome: ${codes(OUTCOME_CODES)}`,
  )
  return `${RULE_TABLE_START}\n${lines.join('\n')}\n${RULE_TABLE_END}`
}

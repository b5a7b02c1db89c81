import type { ActionRecord } from '@shared/api/schemas/actions'
import type { Locale } from '@shared/api/schemas/common'
import { ACTION_LABELS, CHECK_LABELS, STATE_LABELS } from '@shared/action-labels'

/**
 * CSV export of the local history (DESIGN §3: dates, numbers and CSV follow the locale): French uses `;` (Excel's separator where `,` is the
 * decimal mark) and French dates; English uses `,` and ISO-like dates. UTF-8 with a BOM, or Excel
 * opens accents as mojibake. Columns are chosen from what is stored: there is no passcode to leak.
 */
const HEADERS: Record<Locale, readonly string[]> = {
  fr: [
    'Date',
    'État',
    'Action',
    'Appareil',
    'Numéro de série',
    'Utilisateur',
    'Personne qui appelle',
    'Agent',
    'Ticket',
    'Vérifications',
    'Code secret temporaire émis',
    'Code d’erreur Intune',
    'Note de clôture',
    'ID de requête Intune',
    'ID de requête client',
  ],
  en: [
    'Date',
    'State',
    'Action',
    'Device',
    'Serial number',
    'User',
    'Caller',
    'Agent',
    'Ticket',
    'Checks',
    'Temporary passcode issued',
    'Intune error code',
    'Outcome note',
    'Intune request ID',
    'Client request ID',
  ],
}

/** The History table's words (shared/action-labels.ts), by the names this file's tests use. */
export { ACTION_LABELS as ACTIONS, CHECK_LABELS as CHECKS, STATE_LABELS as STATES }

const YES_NO: Record<Locale, [string, string]> = { fr: ['Oui', 'Non'], en: ['Yes', 'No'] }

export const CSV_SEPARATOR: Record<Locale, string> = { fr: ';', en: ',' }
export const BOM = '\uFEFF'

export function formatCsvDate(iso: string, locale: Locale, timeZone?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  // sv-SE formats as "2026-11-26 19:44:02": unambiguous and sortable for the English file.
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'sv-SE', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    timeZone,
  })
    .format(date)
    .replace(',', '')
}

/**
 * One cell: quoted when it holds the separator, a quote or a line break; a leading = + - @ (or tab /
 * CR) is prefixed with an apostrophe so that a spreadsheet never runs it as a formula (OWASP "CSV
 * injection"). Device names and notes are typed by people.
 */
export function csvCell(value: string, separator: string): string {
  let v = value
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`
  return v.includes(separator) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function historyToCsv(rows: readonly ActionRecord[], locale: Locale, timeZone?: string): string {
  const sep = CSV_SEPARATOR[locale]
  const [yes, no] = YES_NO[locale]
  const lines = [HEADERS[locale].map((h) => csvCell(h, sep)).join(sep)]
  for (const r of rows) {
    const cells = [
      formatCsvDate(r.requestedAt, locale, timeZone),
      STATE_LABELS[locale][r.state],
      ACTION_LABELS[locale][r.action],
      r.deviceName ?? r.deviceId,
      r.device.serialNumber ?? '',
      r.device.userPrincipalName ?? '',
      r.callerName ?? '',
      r.agentUpn,
      r.ticketReference ?? '',
      r.verification.checks.map((c) => CHECK_LABELS[locale][c]).join(', '),
      r.hasPasscode ? yes : no,
      r.intuneErrorCode === null ? '' : String(r.intuneErrorCode),
      r.outcomeNote ?? '',
      // Both ids, named as the ticket note names them (shared/ticket-note): Microsoft support asks
      // for Graph's request-id; the client one is ours, sent with the POST.
      r.graphRequestId ?? '',
      r.clientRequestId,
    ]
    lines.push(cells.map((c) => csvCell(c, sep)).join(sep))
  }
  // CRLF: what Excel and RFC 4180 expect.
  return BOM + lines.join('\r\n') + '\r\n'
}

const FILE_BASE: Record<Locale, string> = { fr: 'passcode-desk-historique', en: 'passcode-desk-history' }

/**
 * `passcode-desk-historique-2026-12-01-fr.csv`: the agent's own calendar day (not UTC's: an export
 * at 00:30 in Paris is dated that day) and the file's language, since French and English files
 * differ in separator and dates.
 */
export function exportFilename(now: number, locale: Locale, timeZone?: string): string {
  let day: string
  try {
    day = new Intl.DateTimeFormat('sv-SE', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone,
    }).format(new Date(now))
  } catch {
    day = new Date(now).toISOString().slice(0, 10)
  }
  return `${FILE_BASE[locale]}-${day}-${locale}.csv`
}

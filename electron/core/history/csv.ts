import type { ActionRecord, ActionState } from '@shared/api/schemas/actions'
import type { Locale } from '@shared/api/schemas/common'

/**
 * CSV export of the local history (issue 7): French uses `;` (Excel's separator where `,` is the
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
    'Agent',
    'Ticket',
    'Vérifications',
    'Code temporaire émis',
    'Code d’erreur Intune',
    'Note de clôture',
    'ID de requête',
  ],
  en: [
    'Date',
    'State',
    'Action',
    'Device',
    'Serial number',
    'User',
    'Agent',
    'Ticket',
    'Checks',
    'Temporary passcode issued',
    'Intune error code',
    'Outcome note',
    'Request ID',
  ],
}

const STATES: Record<Locale, Record<ActionState, string>> = {
  fr: {
    sending: 'Envoi en cours',
    notSent: 'Non envoyée',
    pending: 'En attente',
    active: 'En cours',
    done: 'Terminée',
    failed: 'Échec',
    notSupported: 'Non prise en charge',
    canceled: 'Annulée',
    stillPending: 'Toujours en attente',
    awaitingApproval: 'En attente d’approbation',
    unknownState: 'État inconnu',
  },
  en: {
    sending: 'Sending',
    notSent: 'Not sent',
    pending: 'Pending',
    active: 'In progress',
    done: 'Done',
    failed: 'Failed',
    notSupported: 'Not supported',
    canceled: 'Canceled',
    stillPending: 'Still pending',
    awaitingApproval: 'Awaiting approval',
    unknownState: 'Unknown state',
  },
}

const ACTIONS: Record<Locale, Record<ActionRecord['action'], string>> = {
  fr: { removePasscode: 'Suppression du code', resetPasscode: 'Réinitialisation du code' },
  en: { removePasscode: 'Remove passcode', resetPasscode: 'Reset passcode' },
}

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
      STATES[locale][r.state],
      ACTIONS[locale][r.action],
      r.deviceName ?? r.deviceId,
      r.device.serialNumber ?? '',
      r.device.userPrincipalName ?? '',
      r.agentUpn,
      r.ticketReference ?? '',
      r.verification.checks.join(' '),
      r.hasPasscode ? yes : no,
      r.intuneErrorCode === null ? '' : String(r.intuneErrorCode),
      r.outcomeNote ?? '',
      r.clientRequestId,
    ]
    lines.push(cells.map((c) => csvCell(c, sep)).join(sep))
  }
  // CRLF: what Excel and RFC 4180 expect.
  return BOM + lines.join('\r\n') + '\r\n'
}

export function exportFilename(now: number): string {
  return `passcode-desk-history-${new Date(now).toISOString().slice(0, 10)}.csv`
}

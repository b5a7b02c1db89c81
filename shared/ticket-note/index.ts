import type { ActionRecord } from '../api/schemas/actions'
import { NOTE_STRINGS, type NoteLanguage } from './strings'

export { NOTE_LANGUAGES, NOTE_STRINGS, type NoteLanguage } from './strings'

/**
 * The plain-text note an agent pastes into the ticket after a passcode action (DESIGN §1; what a
 * helpdesk records, domain §3): the device, the action, when it was sent and finished, how it
 * ended, who did it, the checks done, the ticket and Intune's request ids for Microsoft support.
 *
 * Built from an allowlist of the record's fields, so nothing else can slip in: never a passcode
 * (records never hold one, DESIGN §4), never the full serial number (its last four only, as the
 * caller reads them at step 2), never the agent's free-text note (it may hold anything).
 */

/** The record's fields the note reads — and nothing else. */
export type NoteSource = Pick<
  ActionRecord,
  | 'deviceName'
  | 'action'
  | 'state'
  | 'agentUpn'
  | 'agentDisplayName'
  | 'ticketReference'
  | 'verification'
  | 'graphRequestId'
  | 'clientRequestId'
  | 'requestedAt'
  | 'sentAt'
  | 'completedAt'
> & {
  readonly device: Pick<ActionRecord['device'], 'deviceName' | 'model' | 'manufacturer' | 'serialNumber'>
}

export interface NoteOptions {
  readonly language: NoteLanguage
  /** IANA time zone for the times (tests); the agent's own zone when absent. */
  readonly timeZone?: string
}

/** The note's values by name (also the placeholders of a template, see template.ts). */
export type NoteFields = Readonly<Record<NoteField, string>>
export const NOTE_FIELDS = [
  'device',
  'action',
  'sent',
  'finished',
  'outcome',
  'agent',
  'checks',
  'ticket',
  'requestId',
  'clientRequestId',
] as const
export type NoteField = (typeof NOTE_FIELDS)[number]

/** The last four characters of a serial number, or null when there are fewer than five (then none is shown). */
export function serialLast4(serial: string | null | undefined): string | null {
  const s = (serial ?? '').trim()
  return s.length > 4 ? s.slice(-4) : null
}

function formatTime(iso: string | null, options: NoteOptions): string | null {
  if (!iso) return null
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return null
  return new Intl.DateTimeFormat(options.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(new Date(t))
}

/** Each field of the note, in words, in the chosen language. */
export function ticketNoteFields(source: NoteSource, options: NoteOptions): NoteFields {
  const s = NOTE_STRINGS[options.language]
  const name = source.deviceName ?? source.device.deviceName ?? '—'
  const model = [source.device.manufacturer, source.device.model].filter(Boolean).join(' ')
  const last4 = serialLast4(source.device.serialNumber)
  const device =
    [name, model ? `(${model})` : ''].filter(Boolean).join(' ') + (last4 ? `, ${s.serialEnding(last4)}` : '')
  const checks = [
    ...source.verification.checks.map((c) => s.checks[c]),
    ...(source.verification.scriptRead ? [s.scriptRead] : []),
  ]
  const agent =
    source.agentDisplayName && source.agentDisplayName !== source.agentUpn
      ? `${source.agentDisplayName} (${source.agentUpn})`
      : source.agentUpn
  return {
    device,
    action: s.actions[source.action],
    sent: formatTime(source.sentAt ?? source.requestedAt, options) ?? s.notYet,
    finished: formatTime(source.completedAt, options) ?? s.notYet,
    outcome: s.states[source.state],
    agent,
    checks: checks.length > 0 ? checks.join(', ') : s.none,
    ticket: source.ticketReference?.trim() || s.none,
    requestId: source.graphRequestId ?? s.none,
    clientRequestId: source.clientRequestId || s.none,
  }
}

/** The note as the app writes it when no template is set: one "Label : value" line per field. */
export function buildTicketNote(source: NoteSource, options: NoteOptions): string {
  const s = NOTE_STRINGS[options.language]
  const fields = ticketNoteFields(source, options)
  // French puts a no-break space before the colon (glossary §3); English none.
  const colon = options.language === 'fr' ? '\u00a0:' : ':'
  const lines = (Object.keys(s.labels) as NoteField[]).map((key) => `${s.labels[key]}${colon} ${fields[key]}`)
  return [`${s.title} — ${fields.action}`, ...lines].join('\n')
}

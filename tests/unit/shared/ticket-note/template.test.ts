import { describe, expect, it } from 'vitest'
import { settingsUpdate } from '@shared/api/schemas/settings'
import { NOTE_FIELDS, ticketNoteFields, type NoteSource } from '@shared/ticket-note'
import {
  renderTicketNote,
  TEMPLATE_MAX_LENGTH,
  templateProblem,
  unknownPlaceholders,
} from '@shared/ticket-note/template'

const source = {
  deviceName: 'iPhone de Hélène',
  action: 'removePasscode',
  state: 'done',
  agentUpn: 'emarchand@contoso.example',
  agentDisplayName: 'Élodie Marchand',
  ticketReference: 'INC-6060',
  verification: { checks: ['employeeId'], scriptRead: true },
  graphRequestId: 'req-1',
  clientRequestId: 'client-1',
  requestedAt: '2026-12-01T14:10:00.000Z',
  sentAt: '2026-12-01T14:10:00.000Z',
  completedAt: '2026-12-01T14:11:00.000Z',
  device: {
    deviceName: 'iPhone de Hélène',
    model: 'iPhone 15',
    manufacturer: 'Apple',
    serialNumber: 'F2LXK9PQ7XK4',
  },
  // Not a field of the note: a template can never reach it.
  passcode: 'k7p2mx9q',
} as unknown as NoteSource

describe('ticket note templates', () => {
  it('fills every known placeholder with its field, in the chosen language', () => {
    const template = NOTE_FIELDS.map((f) => `${f}={${f}}`).join('\n')
    const fields = ticketNoteFields(source, { language: 'fr', timeZone: 'UTC' })
    expect(renderTicketNote(source, template, { language: 'fr', timeZone: 'UTC' })).toBe(
      NOTE_FIELDS.map((f) => `${f}=${fields[f]}`).join('\n'),
    )
    expect(renderTicketNote(source, '[{ticket}] { outcome } — {action}', { language: 'en' })).toBe(
      '[INC-6060] Done — Remove passcode',
    )
  })

  it('names the placeholders that do not exist, each once', () => {
    expect(unknownPlaceholders('{device} {passcode} {serial} {passcode} {}')).toEqual([
      'passcode',
      'serial',
      '',
    ])
    expect(unknownPlaceholders('{device} {outcome}')).toEqual([])
    expect(templateProblem('{device} {passcode}')).toEqual({
      kind: 'unknownPlaceholders',
      names: ['passcode'],
    })
    expect(templateProblem('   ')).toEqual({ kind: 'empty' })
    expect(templateProblem('x'.repeat(TEMPLATE_MAX_LENGTH + 1))).toEqual({
      kind: 'tooLong',
      max: TEMPLATE_MAX_LENGTH,
    })
    expect(templateProblem('Ticket {ticket}: {outcome}')).toBeNull()
  })

  it('an unknown placeholder stays as typed: it never reaches a value (no passcode, no full serial)', () => {
    const note = renderTicketNote(source, '{passcode} {serialNumber} {device}', { language: 'en' })
    expect(note).toBe(
      '{passcode} {serialNumber} iPhone de Hélène (Apple iPhone 15), serial number ending in 7XK4',
    )
    expect(note).not.toContain('k7p2mx9q')
    expect(note).not.toContain('F2LXK9PQ7XK4')
  })

  it('core’s settings schema refuses a template with an unknown placeholder and accepts null', () => {
    expect(settingsUpdate.safeParse({ ticketNote: { fr: '{appareil}', en: null } }).success).toBe(false)
    expect(settingsUpdate.safeParse({ ticketNote: { fr: 'Ticket {ticket}', en: null } }).success).toBe(true)
    expect(settingsUpdate.safeParse({ ticketNote: { fr: null, en: null } }).success).toBe(true)
    expect(settingsUpdate.safeParse({ ticketNote: { fr: '', en: null } }).success).toBe(false)
  })
})

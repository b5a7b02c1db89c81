import { describe, expect, it } from 'vitest'
import { ACTION_STATES, type ActionRecord } from '@shared/api/schemas/actions'
import { verificationCheck } from '@shared/api/schemas/settings'
import { PASSCODE_ACTIONS } from '@shared/eligibility/codes'
import {
  buildTicketNote,
  NOTE_LANGUAGES,
  NOTE_STRINGS,
  serialLast4,
  ticketNoteFields,
} from '@shared/ticket-note'
import en from '../../../../renderer/src/i18n/en.json'
import fr from '../../../../renderer/src/i18n/fr.json'

const PASSCODE = 'k7p2mx9q'
const SERIAL = 'R58N91ZQ7XK4'

/**
 * A full record as core returns it, plus what must never reach a ticket: a passcode in every place
 * one could hide (an extra field, the agent's free-text note), the full serial number.
 */
function record(over: Partial<ActionRecord> = {}): ActionRecord {
  return {
    id: 'a1',
    deviceId: 'd1',
    deviceName: 'zbelanger_AndroidForWork',
    action: 'resetPasscode',
    enrollment: 'androidWorkProfilePersonal',
    outcome: 'temporaryWorkProfilePasscode',
    state: 'done',
    agentUpn: 'emarchand@contoso.example',
    agentDisplayName: 'Élodie Marchand',
    tenantId: 't',
    ticketReference: 'INC-5150',
    callerName: 'Zoé Bélanger',
    verification: { checks: ['employeeId', 'managerCallback'], callerName: 'Zoé Bélanger', scriptRead: true },
    preconditionsConfirmed: ['workProfileResetTokenActivated'],
    device: {
      deviceName: 'zbelanger_AndroidForWork',
      model: 'SM-S911B',
      manufacturer: 'samsung',
      operatingSystem: 'Android',
      osVersion: '14',
      serialNumber: SERIAL,
      userPrincipalName: 'zbelanger@contoso.example',
      userDisplayName: 'Zoé Bélanger',
      deviceEnrollmentType: 'androidEnterpriseWorkProfile',
      deviceType: 'androidForWork',
      ownerType: 'personal',
      managementState: 'managed',
      lastSyncDateTime: '2026-12-01T14:00:00.000Z',
    },
    eligibility: {} as ActionRecord['eligibility'],
    clientRequestId: '8d1c0f4e-1111-4a2b-9c3d-5e6f7a8b9c0d',
    graphRequestId: '3b9e7c1a-5d2f-4e8b-a6c4-9f0e1d2c3b4a',
    intuneErrorCode: null,
    failureCode: null,
    hasPasscode: true,
    passcodeAvailable: true,
    outcomeNote: `Told the caller the passcode ${PASSCODE} and the serial ${SERIAL}.`,
    requestedAt: '2026-12-01T14:09:58.000Z',
    sentAt: '2026-12-01T14:10:00.000Z',
    lastCheckedAt: '2026-12-01T14:11:00.000Z',
    completedAt: '2026-12-01T14:11:00.000Z',
    finishedAt: null,
    updatedAt: '2026-12-01T14:11:00.000Z',
    ...over,
  }
}
const withSecret = (r: ActionRecord) => ({ ...r, passcode: PASSCODE }) as ActionRecord

describe('buildTicketNote', () => {
  it('writes every field in English, one per line', () => {
    expect(buildTicketNote(record(), { language: 'en', timeZone: 'UTC' })).toBe(
      [
        'Passcode Desk — Reset passcode',
        'Device: zbelanger_AndroidForWork (samsung SM-S911B), serial number ending in 7XK4',
        'Action: Reset passcode',
        'Sent: Dec 1, 2026, 2:10 PM',
        'Finished: Dec 1, 2026, 2:11 PM',
        'Outcome: Done',
        'Agent: Élodie Marchand (emarchand@contoso.example)',
        'Checks done: Employee ID confirmed, Manager called back, script read to the caller',
        'Ticket: INC-5150',
        'Intune request id: 3b9e7c1a-5d2f-4e8b-a6c4-9f0e1d2c3b4a',
        'Client request id: 8d1c0f4e-1111-4a2b-9c3d-5e6f7a8b9c0d',
      ].join('\n'),
    )
  })

  it('writes it in French with the glossary’s words and a no-break space before each colon', () => {
    const note = buildTicketNote(record({ action: 'removePasscode', state: 'failed', completedAt: null }), {
      language: 'fr',
      timeZone: 'Europe/Paris',
    })
    expect(note.split('\n')).toEqual([
      'Passcode Desk — Supprimer le code secret',
      'Appareil\u00a0: zbelanger_AndroidForWork (samsung SM-S911B), numéro de série se terminant par 7XK4',
      'Action\u00a0: Supprimer le code secret',
      expect.stringMatching(/^Envoi\u00a0: 1 déc\. 2026, 15:10$/),
      'Fin\u00a0: pas encore',
      'Résultat\u00a0: Échec',
      'Agent\u00a0: Élodie Marchand (emarchand@contoso.example)',
      'Vérifications\u00a0: Matricule vérifié, Rappel du responsable, texte lu à la personne qui appelle',
      'Ticket\u00a0: INC-5150',
      'ID de requête Intune\u00a0: 3b9e7c1a-5d2f-4e8b-a6c4-9f0e1d2c3b4a',
      'ID de requête client\u00a0: 8d1c0f4e-1111-4a2b-9c3d-5e6f7a8b9c0d',
    ])
    expect(note).not.toMatch(/ :/)
  })

  it.each(NOTE_LANGUAGES)(
    'never holds the passcode or the full serial number, whatever the outcome (%s)',
    (language) => {
      for (const state of ACTION_STATES)
        for (const action of PASSCODE_ACTIONS) {
          const note = buildTicketNote(withSecret(record({ state, action })), { language, timeZone: 'UTC' })
          expect(note, `${state} ${action}`).not.toContain(PASSCODE)
          expect(note, `${state} ${action}`).not.toContain(SERIAL)
          // Not even five characters of it: the caller reads four at step 2, no more.
          expect(note).not.toContain(SERIAL.slice(-5))
          expect(note).toContain(SERIAL.slice(-4))
          expect(note).toContain(NOTE_STRINGS[language].states[state])
          // The agent's free-text note is never copied (it could hold anything).
          expect(note).not.toContain('Told the caller')
        }
    },
  )

  it('a serial of four characters or fewer is not shown at all (its last four would be all of it)', () => {
    expect(serialLast4('AB12')).toBeNull()
    expect(serialLast4(' ')).toBeNull()
    expect(serialLast4(null)).toBeNull()
    const note = buildTicketNote(record({ device: { ...record().device, serialNumber: 'AB12' } }), {
      language: 'en',
    })
    expect(note).not.toContain('AB12')
    expect(note).not.toContain('serial')
  })

  it('says what is not there yet instead of leaving a blank or "null"', () => {
    const fields = ticketNoteFields(
      record({
        state: 'awaitingApproval',
        sentAt: null,
        completedAt: null,
        ticketReference: null,
        graphRequestId: null,
        agentDisplayName: null,
        verification: { checks: [] },
      }),
      { language: 'en', timeZone: 'UTC' },
    )
    expect(fields).toMatchObject({
      sent: 'Dec 1, 2026, 2:09 PM',
      finished: 'not yet',
      outcome: 'Awaiting approval',
      ticket: 'none',
      requestId: 'none',
      checks: 'none',
      agent: 'emarchand@contoso.example',
    })
    expect(Object.values(fields).join('\n')).not.toMatch(/null|undefined/)
  })

  it('a record with gaps (no name, no model, an unreadable time, no client request id) still reads cleanly', () => {
    const bare = record()
    const fields = ticketNoteFields(
      {
        ...bare,
        deviceName: null,
        device: { ...bare.device, deviceName: null, manufacturer: null, model: null },
        completedAt: 'not a date',
        clientRequestId: '',
      } as unknown as ActionRecord,
      { language: 'en', timeZone: 'UTC' },
    )
    expect(fields).toMatchObject({
      device: '—, serial number ending in 7XK4',
      finished: 'not yet',
      clientRequestId: 'none',
    })
    expect(Object.values(fields).join('\n')).not.toMatch(/null|undefined|Invalid Date|\(\)/)
  })

  it('uses the same words as the app for actions, states and checks', () => {
    for (const [language, messages] of [
      ['en', en],
      ['fr', fr],
    ] as const) {
      const s = NOTE_STRINGS[language]
      for (const a of PASSCODE_ACTIONS) expect(s.actions[a]).toBe(messages.eligibility.action[a])
      for (const state of ACTION_STATES) expect(s.states[state]).toBe(messages.actions.state[state])
      for (const c of verificationCheck.options) expect(s.checks[c]).toBe(messages.policy.checks[c].label)
    }
  })
})

import { ACTION_LABELS, CHECK_LABELS, STATE_LABELS } from '../action-labels'
import type { ActionState } from '../api/schemas/actions'
import type { VerificationCheck } from '../api/schemas/settings'
import type { PasscodeAction } from '../eligibility/codes'

export const NOTE_LANGUAGES = ['fr', 'en'] as const
export type NoteLanguage = (typeof NOTE_LANGUAGES)[number]

export interface NoteStrings {
  readonly title: string
  readonly labels: {
    readonly device: string
    readonly action: string
    readonly sent: string
    readonly finished: string
    readonly outcome: string
    readonly agent: string
    readonly checks: string
    readonly ticket: string
    readonly requestId: string
    readonly clientRequestId: string
  }
  /** "serial number ending in 1234": only the last four characters ever appear (DESIGN §4). */
  readonly serialEnding: (last4: string) => string
  readonly notYet: string
  readonly none: string
  readonly scriptRead: string
  readonly actions: Readonly<Record<PasscodeAction, string>>
  readonly states: Readonly<Record<ActionState, string>>
  readonly checks: Readonly<Record<VerificationCheck, string>>
}

/**
 * The note's words in both languages. The action, state and check names are the History CSV's
 * (shared/action-labels.ts, the app's own words, kept equal by tests/unit/shared/ticket-note); French follows the
 * glossary (code secret, no-break space before the colon).
 */
export const NOTE_STRINGS: Readonly<Record<NoteLanguage, NoteStrings>> = {
  en: {
    title: 'Passcode Desk',
    labels: {
      device: 'Device',
      action: 'Action',
      sent: 'Sent',
      finished: 'Finished',
      outcome: 'Outcome',
      agent: 'Agent',
      checks: 'Checks done',
      ticket: 'Ticket',
      requestId: 'Intune request id',
      clientRequestId: 'Client request id',
    },
    serialEnding: (last4) => `serial number ending in ${last4}`,
    notYet: 'not yet',
    none: 'none',
    scriptRead: 'script read to the caller',
    actions: ACTION_LABELS.en,
    states: STATE_LABELS.en,
    checks: CHECK_LABELS.en,
  },
  fr: {
    title: 'Passcode Desk',
    labels: {
      device: 'Appareil',
      action: 'Action',
      sent: 'Envoi',
      finished: 'Fin',
      outcome: 'Résultat',
      agent: 'Agent',
      checks: 'Vérifications',
      ticket: 'Ticket',
      requestId: 'ID de requête Intune',
      clientRequestId: 'ID de requête client',
    },
    serialEnding: (last4) => `numéro de série se terminant par ${last4}`,
    notYet: 'pas encore',
    none: 'aucune',
    scriptRead: 'texte lu à la personne qui appelle',
    actions: ACTION_LABELS.fr,
    states: STATE_LABELS.fr,
    checks: CHECK_LABELS.fr,
  },
}

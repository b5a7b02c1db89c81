import type { ActionRecord, ActionState } from './api/schemas/actions'
import type { Locale } from './api/schemas/common'
import type { VerificationCheck } from './api/schemas/settings'

/**
 * The words for actions, action states and identity checks outside the renderer: the History CSV
 * (electron/core/history/csv.ts) and the ticket note (shared/ticket-note) say them the same way.
 * They are the History table's own (renderer i18n `eligibility.action.*`, `actions.state.*`,
 * `policy.checks.*.label`): one label per concept everywhere (glossary-fr). Nothing outside the
 * renderer may import its catalogues, so tests/unit/electron/core/history/csv-labels.test.ts and
 * tests/unit/shared/ticket-note fail the moment these and the renderer's differ.
 */
export const STATE_LABELS: Record<Locale, Record<ActionState, string>> = {
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

export const ACTION_LABELS: Record<Locale, Record<ActionRecord['action'], string>> = {
  fr: { removePasscode: 'Supprimer le code secret', resetPasscode: 'Réinitialiser le code secret' },
  en: { removePasscode: 'Remove passcode', resetPasscode: 'Reset passcode' },
}

export const CHECK_LABELS: Record<Locale, Record<VerificationCheck, string>> = {
  fr: {
    employeeId: 'Matricule vérifié',
    managerCallback: 'Rappel du responsable',
    mfaPrompt: 'Demande MFA approuvée',
    securityQuestion: 'Question de sécurité',
    badgePhoto: 'Photo du badge conforme',
  },
  en: {
    employeeId: 'Employee ID confirmed',
    managerCallback: 'Manager called back',
    mfaPrompt: 'MFA prompt approved',
    securityQuestion: 'Security question answered',
    badgePhoto: 'Badge photo matches',
  },
}

import type { Migration } from './types'

/**
 * The caller's name, in its own column of the agent's local record (domain §3: the local history is
 * the agent's own account of each call). Step 1 of the walkthrough promises it is « Enregistré avec
 * l'action dans l'historique »: History shows it and the CSV exports it. Rows recorded before this
 * migration had the name only inside `verification_json`; it is copied out once, here, in SQL
 * (frozen: a migration never calls live code).
 */
export const migration0060: Migration = {
  version: 60,
  name: '0060-action-caller',
  up(db) {
    db.exec(`
    ALTER TABLE actions ADD COLUMN caller_name TEXT;
    UPDATE actions
       SET caller_name = nullif(trim(json_extract(verification_json, '$.callerName')), '')
     WHERE json_valid(verification_json)
       AND json_type(verification_json, '$.callerName') = 'text';
  `)
  },
}

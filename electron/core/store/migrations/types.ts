import type Database from 'better-sqlite3'

/** One schema step. Apart from `index.ts` (the list) so a migration file never imports the list that imports it. */
export interface Migration {
  /** Becomes PRAGMA user_version once applied; strictly increasing through the list. */
  readonly version: number
  readonly name: string
  up(db: Database.Database): void
}

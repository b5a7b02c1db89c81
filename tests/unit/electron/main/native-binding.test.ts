// Electron host wiring: which better-sqlite3 binary the main process hands to core.
import { describe, expect, it } from 'vitest'
import { electronSqliteBinding, SQLITE_BINDING_ENV } from '../../../../electron/main/native-binding'

const exists = (path: string) => path === '/cache/better_sqlite3.node'

describe('Electron SQLite binding selection', () => {
  it('uses the Electron build prepared by npm start', () => {
    expect(electronSqliteBinding({ [SQLITE_BINDING_ENV]: '/cache/better_sqlite3.node' }, false, exists)).toBe(
      '/cache/better_sqlite3.node',
    )
  })

  it('ignores the variable in a packaged app, and anything relative, missing or not a .node file', () => {
    expect(
      electronSqliteBinding({ [SQLITE_BINDING_ENV]: '/cache/better_sqlite3.node' }, true, exists),
    ).toBeUndefined()
    expect(
      electronSqliteBinding({ [SQLITE_BINDING_ENV]: 'cache/better_sqlite3.node' }, false, () => true),
    ).toBeUndefined()
    expect(
      electronSqliteBinding({ [SQLITE_BINDING_ENV]: '/other/better_sqlite3.node' }, false, exists),
    ).toBeUndefined()
    expect(
      electronSqliteBinding({ [SQLITE_BINDING_ENV]: '/cache/evil.so' }, false, () => true),
    ).toBeUndefined()
    expect(electronSqliteBinding({}, false, exists)).toBeUndefined()
  })
})

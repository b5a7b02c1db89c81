import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createActionRepository } from '../../../electron/core/actions/repository'
import { historyOutput, parseHistoryArgs } from '../../../electron/cli/commands/history'
import { openDatabase } from '../../../electron/core/store/db'
import { sampleRecord } from '../../unit/electron/core/history/fixtures'

const dir = mkdtempSync(join(tmpdir(), 'pd-cli-history-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
/** The CLI reads the database through core: its own data folder, a tiny demo tenant. */
const cliOptions = { dataDir: join(dir, 'data'), env: { PASSCODE_DESK_DEMO_DEVICES: '5' } }

function seed(file: string) {
  const db = openDatabase(file)
  const repo = createActionRepository(db)
  for (const [i, at] of ['2026-11-20T09:00:00.000Z', '2026-11-25T14:30:00.000Z'].entries()) {
    const r = sampleRecord({ id: `a${i}` })
    repo.insert({
      ...r,
      id: `a${i}`,
      idempotencyKey: `key-${i}-xxxx`,
      profileId: 'demo',
      requestedAt: at,
      baselineStart: null,
    })
    repo.transition(`a${i}`, { state: i === 0 ? 'done' : 'failed', at, hasPasscode: i === 0 })
  }
  db.close()
}

describe('passcode-desk history', () => {
  const file = join(dir, 'cache.db')
  seed(file)

  it('parses its options', () => {
    expect(
      parseHistoryArgs(['--since', '2026-11-21', '--format=csv', '--db', 'x.db'], { LANG: 'fr_FR.UTF-8' }),
    ).toEqual({
      since: '2026-11-21T00:00:00.000Z',
      format: 'csv',
      db: 'x.db',
      locale: 'fr',
    })
    expect(() => parseHistoryArgs(['--since', 'yesterday'])).toThrow(/not a date/)
    expect(() => parseHistoryArgs(['--format', 'xml'])).toThrow(/csv or json/)
  })

  it('prints JSON lines, newest first, filtered by --since', async () => {
    const all = (
      await historyOutput(file, { since: null, format: 'json', db: file, locale: 'en' }, cliOptions)
    )
      .trim()
      .split('\n')
    expect(all.map((l) => JSON.parse(l).id)).toEqual(['a1', 'a0'])
    const recent = await historyOutput(
      file,
      { since: '2026-11-21T00:00:00.000Z', format: 'json', db: file, locale: 'en' },
      cliOptions,
    )
    expect(recent.trim().split('\n')).toHaveLength(1)
    expect(JSON.parse(recent).state).toBe('failed')
  })

  it('prints the French CSV of the History export', async () => {
    const csv = await historyOutput(file, { since: null, format: 'csv', db: file, locale: 'fr' }, cliOptions)
    expect(csv.startsWith('\uFEFFDate;État')).toBe(true)
    expect(csv).toContain(';Échec;')
    expect(csv).toContain(';Terminée;')
  })

  // The built binary (npm test builds first), as an agent or a script would run it.
  const cli = resolve(import.meta.dirname, '../../../out/main/cli.js')
  it.runIf(existsSync(cli))('runs as `passcode-desk history` from the build', () => {
    const out = execFileSync(
      process.execPath,
      [cli, 'history', '--db', file, '--since', '2026-11-21', '--format', 'csv', '--locale', 'fr'],
      {
        encoding: 'utf8',
        env: { ...process.env, PASSCODE_DESK_DATA_DIR: cliOptions.dataDir, ...cliOptions.env },
      },
    )
    const lines = out
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^25\/11\/2026 \d{2}:30:00;Échec;/)
  })
})

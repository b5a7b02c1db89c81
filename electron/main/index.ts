import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCore } from '../core'

const here = fileURLToPath(new URL('.', import.meta.url))

async function start(): Promise<void> {
  await app.whenReady()
  const core = await createCore({ dataDir: app.getPath('userData'), host: { kind: 'electron' } })
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    webPreferences: { preload: join(here, '../preload/index.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false },
  })
  void core
  await win.loadFile(join(here, '../renderer/index.html'))
}

void start()

import { z } from 'zod'
import { noInput } from './common'

export const hostKind = z.enum(['electron', 'browser', 'cli'])
export type HostKind = z.infer<typeof hostKind>

export const appInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  hostKind,
  /** Where this install keeps its databases and settings (shown in Settings → About). */
  dataDir: z.string(),
  /** The operating system's preferred locale as core sees it (BCP 47). */
  locale: z.string(),
  platform: z.string(),
  /** Runtime versions: node always, electron/chrome only in the Electron host. */
  versions: z.strictObject({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
  }),
})
export type AppInfo = z.infer<typeof appInfo>

export const appContract = {
  'app:info': { input: noInput, output: appInfo },
} as const

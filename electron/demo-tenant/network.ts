/**
 * A run-time knob that takes the demo tenant off the network, so a test (or a person trying the
 * app) can watch Passcode Desk lose Intune after start:
 * - `up`: normal;
 * - `refuse`: the listener is closed — new connections get ECONNREFUSED, open ones are cut;
 * - `drop`: connections are accepted, then reset before any answer (ECONNRESET);
 * - `hang`: connections are accepted and never answered (the client times out).
 * Set it with `DemoTenant.setNetwork(mode)` or, from another process, by writing the mode to the
 * file named by `DemoTenantOptions.networkControlFile` (PASSCODE_DESK_DEMO_NETWORK_FILE).
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'

export const NETWORK_MODES = ['up', 'refuse', 'drop', 'hang'] as const
export type NetworkMode = (typeof NETWORK_MODES)[number]

export interface NetworkKnob {
  mode(): NetworkMode
  set(mode: NetworkMode): Promise<void>
  /** True when the request was taken over (dropped or held) and must not be answered. */
  intercept(req: IncomingMessage, res: ServerResponse): boolean
  dispose(): void
}

export function createNetworkKnob(options: {
  server: Server
  sockets: Set<Socket>
  port: () => number
  controlFile?: string
}): NetworkKnob {
  const { server, sockets } = options
  let current: NetworkMode = 'up'
  let queue: Promise<void> = Promise.resolve()
  const held = new Set<ServerResponse>()

  const cutAll = () => {
    for (const s of sockets) s.destroy()
    for (const res of held) res.destroy()
    held.clear()
  }

  const apply = async (next: NetworkMode): Promise<void> => {
    if (next === current) return
    const wasListening = current !== 'refuse'
    current = next
    if (next === 'refuse') {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        cutAll()
      })
      return
    }
    if (!wasListening) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(options.port(), '127.0.0.1', () => {
          server.off('error', reject)
          resolve()
        })
      })
    }
    // Kept-alive connections meet the new mode on their next request (intercept); held ones end.
    if (next === 'up') {
      for (const res of held) res.destroy()
      held.clear()
    }
  }

  const set = (mode: NetworkMode): Promise<void> => {
    const run = queue.then(() => apply(mode))
    queue = run.catch(() => {})
    return run
  }

  const file = options.controlFile
  const readFile = () => {
    let text = ''
    try {
      text = readFileSync(file!, 'utf8').trim()
    } catch {
      text = 'up' // no file yet: normal
    }
    if ((NETWORK_MODES as readonly string[]).includes(text)) void set(text as NetworkMode)
  }
  if (file) {
    readFile()
    watchFile(file, { interval: 100, persistent: false }, readFile)
  }

  return {
    mode: () => current,
    set,
    intercept(req, res) {
      if (current === 'drop') {
        req.socket.destroy()
        return true
      }
      if (current === 'hang') {
        held.add(res)
        res.on('close', () => held.delete(res))
        return true
      }
      return false
    },
    dispose() {
      if (file) unwatchFile(file, readFile)
      for (const res of held) res.destroy()
      held.clear()
    },
  }
}

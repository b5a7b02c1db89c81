import { spawn } from 'node:child_process'

/** Opens the default browser; failure is not fatal (the URL is printed anyway). */
export function openInDefaultBrowser(url: string, platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' })
    child.on('error', () => {})
    child.unref()
  } catch {
    // No browser launcher on this machine: the printed URL is the fallback.
  }
}

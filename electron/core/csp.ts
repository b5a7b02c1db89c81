/**
 * One Content-Security-Policy for both hosts (DESIGN §4): the Electron host sets it on app://
 * responses; the browser host on every HTTP response, adding its WebSocket to connect-src.
 */
export function contentSecurityPolicy(port?: number): string {
  const connect = port === undefined ? "'self'" : `'self' ws://127.0.0.1:${port} ws://localhost:${port}`
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Naive UI injects its component styles at run time (css-render), so inline styles are allowed;
    // inline scripts are not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
}

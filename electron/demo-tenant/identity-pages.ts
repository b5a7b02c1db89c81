/** The identity pages: agent picker, form_post response, error pages, and their static assets. */
import { escapeHtml, html, redirect, type Reply } from './http'
import type { DemoAgent } from './types'

export function signInPage(
  tenantId: string,
  agents: readonly DemoAgent[],
  tenant: string,
  q: URLSearchParams,
): string {
  const keep = [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'nonce',
    'code_challenge',
    'code_challenge_method',
    'response_mode',
    'login_hint',
    'prompt',
  ]
  const hidden = keep
    .filter((k) => q.get(k) !== null)
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q.get(k) ?? '')}">`)
    .join('\n      ')
  const hint = (q.get('login_hint') ?? '').toLowerCase()
  const buttons = agents
    .map((a) => {
      const role =
        a.role === 'helpDeskOperator'
          ? 'Opérateur du support technique / Help Desk Operator'
          : 'Opérateur en lecture seule / Read Only Operator'
      const autofocus = a.upn.toLowerCase() === hint ? ' autofocus' : ''
      return `<li><button type="submit" name="upn" value="${escapeHtml(a.upn)}"${autofocus}><strong>${escapeHtml(a.displayName)}</strong><br>${escapeHtml(a.upn)}<br><small>${role}</small></button></li>`
    })
    .join('\n        ')
  return page(
    'Contoso Demo — Choisir un compte / Pick an account',
    `<p>Locataire de démonstration ${escapeHtml(tenantId)} (aucun mot de passe). Demo tenant, no password.</p>
  <form method="post" action="/${escapeHtml(tenant)}/oauth2/v2.0/authorize">
    ${hidden}
    <ul>
      ${buttons}
    </ul>
  </form>`,
  )
}

/**
 * Sends the authorization response the way the request asked: `response_mode=form_post` (what
 * msal-node 7 uses: its loopback server only accepts a form POST) → a page whose form posts the
 * parameters to redirect_uri, submitted by /_demo/autosubmit.js (no inline script); otherwise a
 * 302 with the parameters in the query.
 */
export function respond(q: URLSearchParams, params: Record<string, string>): Reply {
  const redirectUri = q.get('redirect_uri') ?? ''
  if (q.get('response_mode') === 'form_post') {
    const inputs = Object.entries(params)
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
      .join('\n      ')
    return html(
      200,
      page(
        'Connexion… / Signing in…',
        `<form method="post" action="${escapeHtml(redirectUri)}" id="response">
      ${inputs}
      <noscript><button type="submit">Continuer / Continue</button></noscript>
    </form>
    <script src="/_demo/autosubmit.js"></script>`,
      ),
    )
  }
  const target = new URL(redirectUri)
  for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v)
  return redirect(target.toString())
}

/** The sign-in page's look (served as a file: the pages carry no inline style or script). */
export const SIGNIN_CSS = `body { font: 15px/1.45 "Segoe UI", -apple-system, system-ui, sans-serif; background: #f3f2f1; color: #1b1a19; margin: 0; }
h1 { font-size: 1.35rem; font-weight: 600; margin: 0 0 .5rem; }
body > * { max-width: 30rem; margin-left: auto; margin-right: auto; }
h1 { padding-top: 3rem; }
ul { list-style: none; padding: 0; }
li { margin: .5rem 0; }
button { width: 100%; text-align: left; font: inherit; padding: .75rem 1rem; border: 1px solid #8a8886; border-radius: 4px; background: #fff; cursor: pointer; }
button:hover, button:focus-visible { border-color: #0f6cbd; outline: 2px solid #0f6cbd; }
small { color: #605e5c; }
`

export const AUTOSUBMIT_JS = "document.getElementById('response').submit()\n"

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/_demo/signin.css">
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
    ${body}
  </body>
</html>
`
}

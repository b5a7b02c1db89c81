/**
 * Plays the agent's browser for MSAL's `openBrowser` hook: loads the demo tenant's sign-in page,
 * clicks the agent's button (POSTs its form), then delivers the authorization response to MSAL's
 * loopback listener the way a browser would — following an auto-submitting form_post page, or a
 * redirect carrying the code (re-posted as form_post, which msal-node 7 requires).
 */
export interface BrowserVisit {
  readonly authorizeUrl: string
  readonly loopbackStatus: number
}

function parseForm(html: string, base: string): { action: string; fields: URLSearchParams } | null {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html)
  if (!form) return null
  const fields = new URLSearchParams()
  for (const input of form[2]!.matchAll(/<input[^>]*>/gi)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1]
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? ''
    if (name) fields.append(name, decodeHtml(value))
  }
  return { action: new URL(decodeHtml(form[1]!), base).toString(), fields }
}

function decodeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

const loopback = (url: string) => url.replace('//localhost', '//127.0.0.1')

async function postForm(url: string, fields: URLSearchParams): Promise<Response> {
  return fetch(loopback(url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  })
}

/** Returns an `openBrowser` that signs in as `upn`; `visits` records what happened. */
export function signInAs(upn: string, visits: BrowserVisit[] = []): (url: string) => Promise<void> {
  return async (authorizeUrl) => {
    const page = await fetch(authorizeUrl)
    const html = await page.text()
    if (!page.ok) throw new Error(`sign-in page answered ${page.status}: ${html.slice(0, 200)}`)
    const form = parseForm(html, authorizeUrl)
    if (!form) throw new Error('no sign-in form on the page')
    form.fields.set('upn', upn)
    const answer = await postForm(form.action, form.fields)
    let delivered: Response
    if (answer.status >= 300 && answer.status < 400) {
      const location = new URL(answer.headers.get('location') ?? '')
      const fields = new URLSearchParams(location.search)
      location.search = ''
      delivered = await postForm(location.toString(), fields)
    } else {
      const post = parseForm(await answer.text(), form.action)
      if (!post) throw new Error(`no form_post page after sign-in (HTTP ${answer.status})`)
      delivered = await postForm(post.action, post.fields)
    }
    await delivered.text()
    visits.push({ authorizeUrl, loopbackStatus: delivered.status })
  }
}

import type { TestApp } from '../../support/test-app';

export interface DeskResponse {
  status: number;
  headers: Headers;
  html: string;
  /** Where a redirect points, if it is one. */
  location: string | null;
}

/**
 * A browser without a browser: keeps the cookies the desk sets, follows nothing on its own,
 * and reads the CSRF token out of the last page, as a form would send it.
 */
export class DeskClient {
  private readonly cookies = new Map<string, string>();
  lastPage = '';
  /** Sent with every request, as a browser sends its Accept-Language. */
  headers: Record<string, string> = {};

  constructor(private readonly api: TestApp) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async get(path: string): Promise<DeskResponse> {
    return this.send('GET', path);
  }

  /** Posts a form; `_csrf` comes from the last page unless the test sets it. */
  async post(
    path: string,
    form: Record<string, string | string[]>,
    options: { csrf?: string | null } = {},
  ): Promise<DeskResponse> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? csrfToken(this.lastPage) : options.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    return this.send('POST', path, body.toString());
  }

  /** Signs in through the form and follows the redirect to the landing page. */
  async signIn(email: string, password = 'demo'): Promise<DeskResponse> {
    await this.get('/desk/login');
    const response = await this.post('/desk/login', { email, password });
    if (response.status !== 303 || !response.location)
      throw new Error(`sign-in of ${email} failed: ${response.status}`);
    return this.get(response.location);
  }

  private async send(method: string, path: string, body?: string): Promise<DeskResponse> {
    const headers: Record<string, string> = { ...this.headers };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const response = await fetch(`${this.api.baseUrl}${path}`, {
      method,
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const html = await response.text();
    if ((response.headers.get('content-type') ?? '').includes('text/html')) this.lastPage = html;
    return {
      status: response.status,
      headers: response.headers,
      html,
      location: response.headers.get('location'),
    };
  }
}

/** The value of the first form field of that name on the page, as the browser would send it. */
export function fieldValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no field ${name} on the page`);
  return decodeEntities(match[1]);
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every link's address on the page, decoded as the browser reads it. */
export function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => decodeEntities(m[1]));
}

export function csrfToken(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1];
}

/** The page's text without tags, spaces collapsed: what a reader sees, for assertions. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

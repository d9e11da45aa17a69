import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient, visibleText } from './support/desk-client';

const SESSION = '__Host-chancery-session';

describe('signing in to the desk and out again', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('sends an official who is not signed in to the sign-in page, and back afterwards', async () => {
    const desk = new DeskClient(api);
    const first = await desk.get('/desk/drafts');
    expect(first.status).toBe(303);
    expect(first.location).toBe('/desk/login?next=%2Fdesk%2Fdrafts');

    const page = await desk.get(first.location!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.html).toContain('name="next" value="/desk/drafts"');

    const signedIn = await desk.post('/desk/login', {
      email: 'observer@demo.local',
      password: 'demo',
      next: '/desk/drafts',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/desk/drafts');
    const cookie = signedIn.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const csrfCookie = (await desk.get('/desk/login')).headers.getSetCookie();
    expect(csrfCookie).toEqual([]); // the CSRF secret was set once, on the first page
    const drafts = await desk.get('/desk/drafts');
    expect(drafts.status).toBe(200);
    expect(visibleText(drafts.html)).toContain('Observer');
  });

  it('lands each role on its own page', async () => {
    const landings: [string, string][] = [
      ['admin@demo.local', '/desk'],
      ['secretariat@demo.local', '/desk'],
      ['soc-chair@demo.local', '/desk'],
      ['delegate.aze@demo.local', '/desk/delegation'],
      ['observer@demo.local', '/desk/drafts'],
    ];
    for (const [email, landing] of landings) {
      const desk = new DeskClient(api);
      await desk.get('/desk/login');
      const response = await desk.post('/desk/login', { email, password: 'demo' });
      expect([email, response.location]).toEqual([email, landing]);
    }
  });

  it('answers a wrong password with the form again, 401, and no session', async () => {
    const desk = new DeskClient(api);
    await desk.get('/desk/login');
    const refused = await desk.post('/desk/login', {
      email: 'admin@demo.local',
      password: 'wrong',
    });
    expect(refused.status).toBe(401);
    expect(visibleText(refused.html)).toContain('The e-mail address or the password is wrong.');
    expect(refused.html).toContain('value="admin@demo.local"');
    expect(desk.cookie(SESSION)).toBeUndefined();
    const empty = await desk.post('/desk/login', { email: '', password: '' });
    expect(empty.status).toBe(401);
  });

  it('never sends an official elsewhere than a desk page after signing in', async () => {
    for (const next of [
      '//evil.example/desk',
      'https://evil.example/',
      '/api/me',
      '/desk/../api',
      '/desk/login',
    ]) {
      const desk = new DeskClient(api);
      await desk.get('/desk/login');
      const response = await desk.post('/desk/login', {
        email: 'admin@demo.local',
        password: 'demo',
        next,
      });
      expect([next, response.location]).toEqual([next, '/desk']);
    }
  });

  it('signs out: the cookie is cleared and the desk asks for a sign-in again', async () => {
    const desk = new DeskClient(api);
    await desk.signIn('admin@demo.local');
    const out = await desk.post('/desk/logout', {});
    expect(out.status).toBe(303);
    expect(out.location).toBe('/desk/login');
    expect(out.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`))).toMatch(
      /Max-Age=0|Expires=Thu, 01 Jan 1970/i,
    );
    expect(desk.cookie(SESSION)).toBeUndefined();
    expect((await desk.get('/desk')).status).toBe(303);
  });

  it('treats an expired or forged session as no session, and says so', async () => {
    const desk = new DeskClient(api);
    desk.setCookie(SESSION, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged');
    const response = await desk.get('/desk/meetings');
    expect(response.status).toBe(303);
    expect(response.location).toBe('/desk/login?next=%2Fdesk%2Fmeetings&expired=1');
    expect(desk.cookie(SESSION)).toBeUndefined();
    const login = await desk.get(response.location!);
    expect(visibleText(login.html)).toContain('Your session has ended.');
  });

  it('refuses a sign-in or sign-out form without its CSRF token with a 403 page', async () => {
    const desk = new DeskClient(api);
    await desk.get('/desk/login');
    const noToken = await desk.post(
      '/desk/login',
      { email: 'admin@demo.local', password: 'demo' },
      { csrf: null },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.headers.get('content-type')).toContain('text/html');
    expect(visibleText(noToken.html)).toContain('The form could not be accepted');
    expect(desk.cookie(SESSION)).toBeUndefined();

    await desk.signIn('admin@demo.local');
    const forgedOut = await desk.post('/desk/logout', {}, { csrf: 'forged-token' });
    expect(forgedOut.status).toBe(403);
    expect(desk.cookie(SESSION)).toBeDefined();
  });
});

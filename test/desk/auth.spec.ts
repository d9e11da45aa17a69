import { type TestApp, startTestApp } from '../support/test-app';
import { DeskClient } from './support/desk-client';

describe('signing in to the desk', () => {
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
    expect(page.html).toContain('name="next" value="/desk/drafts"');

    const signedIn = await desk.post('/desk/login', {
      email: 'observer@demo.local',
      password: 'demo',
      next: '/desk/drafts',
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/desk/drafts');
    const setCookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-chancery-session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Domain=/i);
  });
});

import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { LoginResponseDto } from '../../apps/api/src/auth/auth.dto';
import { z } from 'zod';
import { hashPassword } from '../../apps/api/src/auth/password-hasher';
import { DeskClient } from '../desk/support/desk-client';
import { expectBody, expectProblem } from '../support/responses';
import { type TestApp, startTestApp } from '../support/test-app';

const signIn = (api: TestApp, email: string, password: string, headers = {}) =>
  api.request('POST', '/api/auth/login', { body: { email, password }, headers });

describe('sign-in that resists guessing', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      env: {
        SIGN_IN_FAILURES_PER_ACCOUNT: '5',
        SIGN_IN_FAILURES_PER_ADDRESS: '12',
        TRUST_PROXY: 'true',
      },
    });
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After after repeated failures for one account, even to the right password', async () => {
    const address = { 'x-forwarded-for': '198.51.100.7' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      statuses.push(
        (await signIn(api, 'delegate.kaz@demo.local', `guess-${attempt}`, address)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);

    const blocked = await signIn(api, 'delegate.kaz@demo.local', 'demo', address);
    expectProblem(blocked, 429, 'TOO_MANY_SIGN_IN_FAILURES');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // From another address too: the account itself is protected.
    const elsewhere = await signIn(api, 'delegate.kaz@demo.local', 'demo', {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(elsewhere.status).toBe(429);
    // Another account from the first address is not affected by this account's block.
    expect((await signIn(api, 'delegate.aze@demo.local', 'demo', address)).status).toBe(200);
  });

  it('blocks an address that guesses across many accounts, and the desk says so too', async () => {
    const address = { 'x-forwarded-for': '192.0.2.44' };
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const email = `delegate.${['chn', 'ind', 'irn', 'isr'][attempt % 4]}@demo.local`;
      expect((await signIn(api, email, `wrong-${attempt}`, address)).status).toBe(401);
    }
    const blocked = await signIn(api, 'delegate.tur@demo.local', 'demo', address);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);

    const desk = new DeskClient(api);
    await desk.get('/desk/login');
    const deskBlocked = await desk.post('/desk/login', {
      email: 'delegate.kaz@demo.local',
      password: 'demo',
    });
    expect(deskBlocked.status).toBe(429);
    expect(deskBlocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('never slows 50 correct sign-ins from one address (a conference behind one NAT)', async () => {
    const address = { 'x-forwarded-for': '198.51.100.200' };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const email = `delegate.${['aze', 'mng', 'tjk', 'uzb', 'vnm'][attempt % 5]}@demo.local`;
      statuses.push((await signIn(api, email, 'demo', address)).status);
    }
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});

describe('sign-out that revokes', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ jwtSecret });
  });
  afterAll(() => api.close());

  const me = (token: string) => api.request('GET', '/api/me', { token });

  async function freshToken(email: string): Promise<string> {
    const response = await signIn(api, email, 'demo');
    return expectBody(response, LoginResponseDto.schema, 200).accessToken;
  }

  it('POST /api/auth/logout ends the token at once', async () => {
    const token = await freshToken('secretariat@demo.local');
    const other = await freshToken('secretariat@demo.local');
    expect((await me(token)).status).toBe(200);
    expect((await api.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await me(token)).status).toBe(401);
    // Only that session: the same user signed in elsewhere stays signed in.
    expect((await me(other)).status).toBe(200);
  });

  it("the desk's sign-out revokes the cookie's token, as a cookie and as a Bearer", async () => {
    const desk = new DeskClient(api);
    await desk.signIn('soc-chair@demo.local');
    const cookie = desk.cookie('__Host-chancery-session')!;
    expect((await me(cookie)).status).toBe(200);
    await desk.post('/desk/logout', {});
    expect((await me(cookie)).status).toBe(401);
    const replayed = new DeskClient(api);
    replayed.setCookie('__Host-chancery-session', cookie);
    const page = await replayed.get('/desk');
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/desk\/login/);
  });

  it("a password change or a disabled account ends all of that user's sessions", async () => {
    const first = await freshToken('delegate.mng@demo.local');
    const second = await freshToken('delegate.mng@demo.local');
    await api.dataSource.query(`UPDATE users SET password_hash = $1 WHERE email = $2`, [
      await hashPassword('a new password'),
      'delegate.mng@demo.local',
    ]);
    expect((await me(first)).status).toBe(401);
    expect((await me(second)).status).toBe(401);

    const disabled = await freshToken('delegate.tjk@demo.local');
    await api.dataSource.query(`UPDATE users SET active = false WHERE email = $1`, [
      'delegate.tjk@demo.local',
    ]);
    await api.dataSource.query(`UPDATE users SET active = true WHERE email = $1`, [
      'delegate.tjk@demo.local',
    ]);
    // Enabling the account again does not bring its old sessions back.
    expect((await me(disabled)).status).toBe(401);
  });

  it('refuses a token without an expiry or without a session, even signed with our secret', async () => {
    const token = await freshToken('admin@demo.local');
    const claims = z
      .looseObject({ sub: z.string(), jti: z.string(), exp: z.unknown() })
      .parse(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()));
    expect(typeof claims.exp).toBe('number');
    const jwt = new JwtService({ secret: jwtSecret });
    const forever = await jwt.signAsync(
      { sub: claims.sub, jti: claims.jti },
      { algorithm: 'HS256', issuer: 'chancery' },
    );
    expect((await me(forever)).status).toBe(401);
    const sessionless = await jwt.signAsync(
      { sub: claims.sub },
      { algorithm: 'HS256', issuer: 'chancery', expiresIn: 600 },
    );
    expect((await me(sessionless)).status).toBe(401);
  });
});

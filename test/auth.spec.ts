import { z } from 'zod';
import { LoginResponseDto, UserDto } from '../apps/api/src/auth/auth.dto';
import { expectProblem } from './support/responses';
import { type TestApp, startTestApp } from './support/test-app';

/** The part of the OpenAPI document this test reads: each operation's documented statuses. */
const OpenApiPaths = z.object({
  paths: z.record(
    z.string(),
    z.record(z.string(), z.object({ responses: z.record(z.string(), z.unknown()) })),
  ),
});

describe('signing in and the guard on every endpoint', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('gives a bearer token for the right password and names the roles', async () => {
    const response = await api.request('POST', '/api/auth/login', {
      body: { email: 'Delegate.AZE@demo.local', password: 'demo' },
      as: LoginResponseDto.schema,
    });
    expect(response.status).toBe(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({
      email: 'delegate.aze@demo.local',
      roles: ['delegate'],
      stateCode: 'AZE',
    });

    const me = await api.request('GET', '/api/me', {
      token: response.body.accessToken,
      as: UserDto.schema,
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'delegate.aze@demo.local', stateCode: 'AZE' });
  });

  it('refuses a wrong password and an unknown e-mail alike, as problem+json', async () => {
    for (const body of [
      { email: 'admin@demo.local', password: 'wrong' },
      { email: 'nobody@demo.local', password: 'demo' },
    ]) {
      const response = await api.request('POST', '/api/auth/login', { body });
      const problem = expectProblem(response, 401, 'UNAUTHENTICATED');
      expect(problem.status).toBe(401);
      expect(problem.title).toEqual(expect.any(String));
      expect(problem.detail).toBe('The e-mail address or the password is wrong.');
    }
  });

  it('answers 401 without a token, with a forged token and with a token signed by another key', async () => {
    const other = await startTestApp({ databaseUrl: api.databaseUrl });
    const foreign = await other.login('admin@demo.local');
    await other.close();
    for (const authorization of [
      undefined,
      'Bearer not-a-jwt',
      `Bearer ${foreign}`,
      'Basic YWRtaW46ZGVtbw==',
    ]) {
      const response = await api.request('GET', '/api/me', {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('names the field of a validation failure and rejects unknown fields', async () => {
    const missing = await api.request('POST', '/api/auth/login', {
      body: { email: 'admin@demo.local' },
    });
    expect(expectProblem(missing, 400, 'VALIDATION_FAILED').field).toBe('password');

    const unknown = await api.request('POST', '/api/auth/login', {
      body: { email: 'admin@demo.local', password: 'demo', isAdmin: true },
    });
    expect(expectProblem(unknown, 400).detail).toContain('isAdmin');

    const wrongType = await api.request('POST', '/api/auth/login', {
      body: { email: 42, password: ['demo'] },
    });
    const wrongTypes = expectProblem(wrongType, 400).errors ?? [];
    expect(wrongTypes.map((error) => error.field).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON, a JSON array, prototype poisoning and an oversized body with 4xx problem+json', async () => {
    const malformed = await api.request('POST', '/api/auth/login', {
      rawBody: '{"email": "admin@demo.local", ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(malformed, 400);

    const array = await api.request('POST', '/api/auth/login', { body: [1, 2] });
    expectProblem(array, 400);

    const poisoned = await api.request('POST', '/api/auth/login', {
      rawBody: '{"email":"a@b.c","password":"x","__proto__":{"admin":true}}',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(poisoned, 400);

    const huge = await api.request('POST', '/api/auth/login', {
      body: { email: 'admin@demo.local', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(expectProblem(huge, 413, 'BODY_TOO_LARGE').status).toBe(413);

    const textPlain = await api.request('POST', '/api/auth/login', {
      rawBody: 'email=admin',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(textPlain, 415);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await api.request('GET', '/api/no-such-thing', {
      token: await api.login('admin@demo.local'),
    });
    expect(expectProblem(response, 404).type).toMatch(/^https:\/\//);
  });
});

describe('health and API documents', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports the database as up', async () => {
    const response = await api.request('GET', '/health');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('documents every route with its errors in OpenAPI', async () => {
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    const { paths } = OpenApiPaths.parse(response.body);
    for (const path of [
      '/api/auth/login',
      '/api/me',
      '/api/participants',
      '/api/bodies',
      '/api/meetings/{id}/agenda-items/reorder',
    ]) {
      expect(paths[path]).toBeDefined();
    }
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        const documentedError = statuses.some((status) => Number(status) >= 400);
        if (path !== '/health')
          expect(`${method} ${path}: ${documentedError}`).toBe(`${method} ${path}: true`);
      }
    }
    const ui = await api.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
  });
});

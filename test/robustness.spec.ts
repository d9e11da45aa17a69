import { type TestApp, startTestApp } from './support/test-app';
import { z } from 'zod';

const documentPaths = z.looseObject({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.looseObject({
        parameters: z.array(z.looseObject({ in: z.string(), name: z.string() })).optional(),
      }),
    ),
  ),
});
type Operations = z.infer<typeof documentPaths>['paths'];

const GARBAGE_IDS = ['not-an-id', '00000000-0000-4000-8000-000000000000', "1' OR '1'='1"];

/**
 * Every documented endpoint, called with bad ids and bad bodies by every kind of user, answers
 * a 4xx problem — never a 500.
 */
describe('no endpoint answers 500 to bad input', () => {
  let api: TestApp;
  let paths: Operations;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApp();
    paths = documentPaths.parse((await api.request('GET', '/api/docs-json')).body).paths;
    for (const email of ['secretariat@demo.local', 'delegate.aze@demo.local']) {
      tokens[email] = await api.login(email);
    }
  });
  afterAll(() => api.close());

  function concretePaths(template: string): string[] {
    if (!template.includes('{')) return [template];
    return GARBAGE_IDS.map((id) => template.replace(/\{[^}]+\}/g, encodeURIComponent(id)));
  }

  it('survives garbage ids, malformed JSON, wrong shapes, unknown fields and oversized bodies', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const [template, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations)) {
        const verb = method.toUpperCase();
        const bodies: { raw?: string; body?: unknown }[] =
          verb === 'GET' || verb === 'DELETE'
            ? [{}]
            : [
                { raw: '{"oops": ' },
                { body: [] },
                { body: 'text' },
                { body: { unexpected: true } },
                { body: { title: 7, stance: {}, deadline: [] } },
                { raw: `{"title":"${'x'.repeat(1_100_000)}"}` },
              ];
        for (const path of concretePaths(template)) {
          for (const token of Object.values(tokens)) {
            for (const payload of bodies) {
              const response = await api.request(
                verb,
                `${path}${verb === 'GET' ? '?lang=xx&revision=-1&kind=zz' : ''}`,
                {
                  token,
                  body: payload.body,
                  rawBody: payload.raw,
                  headers: {
                    ...(payload.raw ? { 'content-type': 'application/json' } : {}),
                    'if-match': '"garbage"',
                  },
                },
              );
              calls += 1;
              if (response.status >= 500)
                failures.push(
                  `${verb} ${path} → ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
                );
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 180_000);
});

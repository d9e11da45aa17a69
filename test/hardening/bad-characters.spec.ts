import { expectProblem } from '../support/responses';
import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { loggableError } from '../../apps/api/src/common/database-errors';
import { toProblem } from '../../apps/api/src/common/problem-details.filter';
import { DeskClient } from '../desk/support/desk-client';
import { readDraft, registerDraft } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';

const MARKER = 'private-marker@delegation.example';

describe('bad characters in text fields', () => {
  let api: TestApp;
  let token: string;
  const logs: string[] = [];
  beforeAll(async () => {
    api = await startTestApp({
      env: { LOG_LEVEL: 'info' },
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(chunk.toString());
          done();
        },
      }),
    });
    token = await api.login('secretariat@demo.local');
  });
  afterAll(() => api.close());

  const rawPost = (path: string, raw: string, headers: Record<string, string> = {}) =>
    api.request('POST', path, {
      token,
      rawBody: raw,
      headers: { 'content-type': 'application/json', ...headers },
    });

  it.each([
    ['a NUL in a title', '{"title":"Statement\\u0000 on peace"}', 'title'],
    ['a lone high surrogate', '{"title":"Statement \\ud800 on peace"}', 'title'],
    ['a lone low surrogate', '{"title":"Statement \\udfff on peace"}', 'title'],
    [
      'a NUL deep inside',
      '{"operative":[{"text":"ok"},{"text":"bad\\u0000"}]}',
      'operative.1.text',
    ],
  ])('refuses %s with 400 naming the field', async (_case, fields, field) => {
    const body = {
      type: 'statement',
      title: `Statement from ${MARKER}`,
      adoptingBodyCode: 'CFM',
      penholder: 'AZE',
      language: 'en',
      ...(JSON.parse(fields) as Record<string, unknown>),
    };
    const response = await rawPost('/api/drafts', JSON.stringify(body));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'INVALID_CHARACTERS', field });
  });

  it('refuses them in route and query parameters and on the desk, never with a 500', async () => {
    const draft = await registerDraft(api);
    const { etag } = await readDraft(api, draft.id);
    const position = await api.request('PUT', `/api/drafts/${draft.id}/positions/AZE`, {
      token: await api.login('delegate.aze@demo.local'),
      body: { stance: 'reservation', text: `Reserved by ${MARKER}\u0000` },
    });
    expect(expectProblem(position, 400).field).toBe('text');
    const revision = await api.request('POST', `/api/drafts/${draft.id}/revisions`, {
      token,
      body: { preamble: [], operative: [{ text: 'fine' }], note: 'x\ud83d' },
      headers: { 'if-match': etag },
    });
    expect(expectProblem(revision, 400).field).toBe('note');
    const query = await api.request('GET', '/api/participants?kind=%00', { token });
    expect(expectProblem(query, 400).field).toBe('kind');

    const desk = new DeskClient(api);
    await desk.get('/desk/login');
    const deskLogin = await desk.post('/desk/login', { email: `${MARKER}\u0000`, password: 'x' });
    expect(deskLogin.status).toBe(400);
    expect(logs.join('')).not.toContain(MARKER);
  });

  it("maps PostgreSQL's data errors to 4xx and logs no query parameters", async () => {
    const error: unknown = await api.dataSource
      .query('SELECT $1::text AS value', [`${MARKER}\u0000`])
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(toProblem(error)).toMatchObject({ status: 400, code: 'INVALID_CHARACTERS' });
    const range: unknown = await api.dataSource
      .query('SELECT $1::smallint AS value', ['99999'])
      .catch((caught: unknown) => caught);
    expect(toProblem(range).status).toBe(422);

    const unexpected: unknown = await api.dataSource
      .query('SELECT no_such_column FROM users WHERE email = $1', [MARKER])
      .catch((caught: unknown) => caught);
    expect(JSON.stringify(loggableError(unexpected))).not.toContain(MARKER);
    expect(JSON.stringify(loggableError(unexpected))).toContain('no_such_column');
  });
});

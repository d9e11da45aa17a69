import { expectBody, expectProblem } from '../support/responses';
import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { randomBytes, randomUUID } from 'node:crypto';
import { readDraft } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';

const draftBody = (title: string) => ({
  type: 'statement',
  title,
  adoptingBodyCode: 'CFM',
  penholder: 'AZE',
  language: 'en',
  operative: [{ text: 'Decide to meet again.' }],
});

describe('safe retries with Idempotency-Key', () => {
  const jwtSecret = randomBytes(32).toString('hex');
  let api: TestApp;
  let replica: TestApp;
  let token: string;
  beforeAll(async () => {
    api = await startTestApp({ jwtSecret });
    // A second instance on the same database, as behind a load balancer.
    replica = await startTestApp({ jwtSecret, databaseUrl: api.databaseUrl });
    token = await api.login('secretariat@demo.local');
  });
  afterAll(async () => {
    await replica.close();
    await api.close();
  });

  const countDrafts = async (title: string) => {
    const [{ n }]: { n: string }[] = await api.dataSource.query(
      `SELECT count(*) AS n FROM drafts WHERE title = $1`,
      [title],
    );
    return Number(n);
  };

  it('a retried POST creates one draft and answers the first answer again, on any replica', async () => {
    const key = randomUUID();
    const title = `Statement retried ${key}`;
    const first = await api.request('POST', '/api/drafts', {
      token,
      body: draftBody(title),
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    const retried = await replica.request('POST', '/api/drafts', {
      token,
      body: draftBody(title),
      headers: { 'idempotency-key': key },
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    expect(retried.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(await countDrafts(title)).toBe(1);

    const otherBody = await api.request('POST', '/api/drafts', {
      token,
      body: draftBody(`${title} (another)`),
      headers: { 'idempotency-key': key },
    });
    expectProblem(otherBody, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('20 identical requests racing across two replicas apply once; the others replay or get 409', async () => {
    const key = randomUUID();
    const title = `Statement raced ${key}`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 === 0 ? api : replica).request('POST', '/api/drafts', {
          token,
          body: draftBody(title),
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = responses.filter((response) => response.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((response) => expectBody(response, DraftDto.schema).id)).size).toBe(
      1,
    );
    for (const busy of responses.filter((response) => response.status === 409))
      expectProblem(busy, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await countDrafts(title)).toBe(1);
  });

  it('a retried revision is stored once', async () => {
    const created = await api.request('POST', '/api/drafts', {
      token,
      body: draftBody(`Statement revised ${randomUUID()}`),
      as: DraftDto.schema,
    });
    const { etag } = await readDraft(api, created.body.id);
    const key = randomUUID();
    const revise = (app: TestApp) =>
      app.request('POST', `/api/drafts/${created.body.id}/revisions`, {
        token,
        body: { preamble: [], operative: [{ text: 'Decide to meet again, soon.' }] },
        headers: { 'if-match': etag, 'idempotency-key': key },
      });
    const first = await revise(api);
    expect(first.status).toBe(201);
    // The retry still carries the old ETag: without the key it would be 412, or a duplicate.
    const retried = await revise(replica);
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const [{ n }]: { n: string }[] = await api.dataSource.query(
      `SELECT count(*) AS n FROM revisions WHERE draft_id = $1`,
      [created.body.id],
    );
    expect(Number(n)).toBe(2);
  });

  it('a refused request keeps nothing: its retry runs again', async () => {
    const key = randomUUID();
    const refused = await api.request('POST', '/api/drafts', {
      token,
      body: { ...draftBody('x'), adoptingBodyCode: 'NOPE' },
      headers: { 'idempotency-key': key },
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const [{ n }]: { n: string }[] = await api.dataSource.query(
      `SELECT count(*) AS n FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(Number(n)).toBe(0);
    const bad = await api.request('POST', '/api/drafts', {
      token,
      body: draftBody('y'),
      headers: { 'idempotency-key': 'not a key' },
    });
    expect(expectProblem(bad, 400).field).toBe('Idempotency-Key');
  });
});

import { connect } from 'node:net';
import { Client } from 'pg';
import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { DeskClient } from '../desk/support/desk-client';
import { registerDraft, transition } from '../support/drafts';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';

describe('headers, observers and draining', () => {
  let api: TestApp;
  let closed = false;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    if (closed) await api.dataSource.destroy();
    else await api.close();
  });

  it('sends the security headers on every response, keeping the desk its own CSP', async () => {
    const responses = [
      await api.request('GET', '/health'),
      await api.request('GET', '/api/me', { token: await api.login('admin@demo.local') }),
      await api.request('GET', '/api/no-such-route'),
      await api.request('GET', '/desk/login'),
    ];
    for (const response of responses) {
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
    }
    expect(responses[3].headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('shows observers the status of a draft, not the positions, alike in API, documents and desk', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    await api.request('PUT', `/api/drafts/${draft.id}/positions/KAZ`, {
      token: await api.login('delegate.kaz@demo.local'),
      body: { stance: 'reservation', text: 'A reservation only the parties may read.' },
    });
    const observer = await api.login('observer@demo.local');
    const read = await api.request('GET', `/api/drafts/${draft.id}`, {
      token: observer,
      as: DraftDto.schema,
    });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('UNDER_SOC_REVIEW');
    for (const path of [
      `/api/drafts/${draft.id}/consensus`,
      `/api/drafts/${draft.id}/audit`,
      `/api/drafts/${draft.id}/documents/consensus-report.docx`,
      '/api/documents/consensus-report.docx',
    ])
      expect(`${path}: ${(await api.request('GET', path, { token: observer })).status}`).toBe(
        `${path}: 403`,
      );
    const delegate = await api.login('delegate.aze@demo.local');
    expect(
      (await api.request('GET', `/api/drafts/${draft.id}/consensus`, { token: delegate })).status,
    ).toBe(200);

    const desk = new DeskClient(api);
    await desk.signIn('observer@demo.local');
    const page = await desk.get(`/desk/drafts/${draft.id}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('status-UNDER_SOC_REVIEW');
    expect(page.html).not.toContain('A reservation only the parties may read.');
    expect(page.html).not.toContain('@demo.local');
    expect(page.html).not.toContain('consensus-report.docx');
    expect(
      (await desk.get(`/desk/drafts/${draft.id}/documents/consensus-report.docx`)).status,
    ).toBe(403);
    const secretariat = new DeskClient(api);
    await secretariat.signIn('secretariat@demo.local');
    expect((await secretariat.get(`/desk/drafts/${draft.id}`)).html).toContain(
      'A reservation only the parties may read.',
    );
  });

  it('answers requests arriving while it drains with 503 problem+json', async () => {
    const draft = await registerDraft(api);
    await transition(api, draft.id, 'secretariat@demo.local', { action: 'submit' });
    const token = await api.login('delegate.aze@demo.local');
    const port = Number(new URL(api.baseUrl).port);
    // A request in flight: its transaction waits for a row lock the test holds.
    const locker = new Client({ connectionString: api.databaseUrl });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM drafts WHERE id = $1 FOR UPDATE', [draft.id]);
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const body = JSON.stringify({ stance: 'concur' });
    socket.write(
      `PUT /api/drafts/${draft.id}/positions/AZE HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await until(
      async () =>
        Number(
          (
            await locker.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
            )
          ).rows[0].n,
        ),
      (waiting) => waiting > 0,
    );

    const closing = api.app.close();
    closed = true;
    const accepts = () =>
      new Promise<boolean>((resolve) => {
        const probe = connect(port, '127.0.0.1');
        probe.once('connect', () => (probe.destroy(), resolve(true)));
        probe.once('error', () => resolve(false));
      });
    expect(await until(accepts, (accepting) => !accepting)).toBe(false);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await locker.query('COMMIT');
    await locker.end();
    await until(
      () => Promise.resolve(received),
      (text) => /SHUTTING_DOWN/.test(text),
    );
    socket.destroy();
    await closing;
    const [first, second] = received.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200/);
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second).toMatch(/content-type: application\/problem\+json/i);
    expect(second).toContain('"code":"SHUTTING_DOWN"');
  });
});

import { Writable } from 'node:stream';
import { createTestDatabase } from '../support/database';
import { type FreezableProxy, startFreezableProxy } from '../support/freezable-proxy';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';

/** Every request here is bounded: one that hangs aborts and fails the test instead. */
const BOUND_MS = 3000;

describe('a database that hangs instead of refusing', () => {
  let proxy: FreezableProxy;
  let api: TestApp;
  let token: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    proxy = await startFreezableProxy(await createTestDatabase());
    api = await startTestApp({
      databaseUrl: proxy.url,
      poolSize: 3,
      env: {
        LOG_LEVEL: 'error',
        HEALTH_TIMEOUT_MS: '300',
        DATABASE_CONNECT_TIMEOUT_MS: '500',
        DATABASE_STATEMENT_TIMEOUT_MS: '700',
        DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2000',
      },
      logStream: new Writable({
        write(chunk: Buffer, _encoding, done) {
          logLines.push(...chunk.toString().split('\n').filter(Boolean));
          done();
        },
      }),
    });
    token = await api.login('secretariat@demo.local');
  });
  afterAll(async () => {
    proxy.thaw();
    await api.close();
    await proxy.close();
  });

  const bounded = (path: string, withToken = true) =>
    fetch(`${api.baseUrl}${path}`, {
      headers: withToken ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(BOUND_MS),
    });

  it('sets statement and idle-in-transaction timeouts on every connection', async () => {
    const [{ statement_timeout }]: { statement_timeout: string }[] =
      await api.dataSource.query('SHOW statement_timeout');
    const [{ idle_in_transaction_session_timeout }]: {
      idle_in_transaction_session_timeout: string;
    }[] = await api.dataSource.query('SHOW idle_in_transaction_session_timeout');
    expect(statement_timeout).toBe('700ms');
    expect(idle_in_transaction_session_timeout).toBe('2s');
  });

  it('answers /health and requests with 503 promptly while frozen, and logs the outage once', async () => {
    expect((await bounded('/health', false)).status).toBe(200);
    proxy.freeze();
    try {
      const health = await bounded('/health', false);
      expect(health.status).toBe(503);
      expect(((await health.json()) as { database: { status: string } }).database.status).toBe(
        'not-answering',
      );

      const answers = await Promise.all(Array.from({ length: 6 }, () => bounded('/api/drafts')));
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('content-type')).toContain('application/problem+json');
        expect(((await answer.json()) as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
      }
      const outageLines = logLines.filter((line) => line.includes('database unavailable'));
      expect(outageLines).toHaveLength(1);
      expect(logLines.join('\n')).not.toContain('"stack"');
    } finally {
      proxy.thaw();
    }
    const healthy = await until(
      () => bounded('/health', false).then((response) => response.status),
      (status) => status === 200,
    );
    expect(healthy).toBe(200);
  });

  it('answers 503 problem+json quickly when the pool is full, instead of queueing, and /health still 200', async () => {
    const pool = (
      api.dataSource.driver as unknown as {
        master: { connect(): Promise<{ release(): void }> };
      }
    ).master;
    const held = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    try {
      const answer = await bounded('/api/drafts');
      expect(answer.status).toBe(503);
      expect(((await answer.json()) as { code: string }).code).toBe('DATABASE_UNAVAILABLE');
      // The database answers; only the pool is busy: a liveness probe must not fail for it.
      const health = await bounded('/health', false);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: { status: string } }).database.status).toBe(
        'up',
      );
    } finally {
      for (const client of held) client.release();
    }
    expect((await bounded('/api/drafts')).status).toBe(200);
  });
});

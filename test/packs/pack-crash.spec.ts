import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { LoginResponseDto } from '../../apps/api/src/auth/auth.dto';
import { JobDto, PackAcceptedDto } from '../../apps/api/src/packs/packs.dto';
import { createTestDatabase } from '../support/database';
import { fakeLibreOffice, jobSettled, openPack, seventhCfm } from '../support/packs';
import { bytesBody, expectBody } from '../support/responses';
import { startService } from '../support/service-process';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';

jest.setTimeout(300_000);

let killed: ChildProcess | undefined;
let restarted: TestApp | undefined;

afterAll(async () => {
  killed?.kill('SIGKILL');
  await restarted?.close();
});

/** The service's own HTTP, untyped, as a client sees it. */
function client(url: string) {
  return async (method: string, path: string, options: { token?: string; body?: unknown } = {}) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, headers: response.headers, body };
  };
}

it('a service killed mid-pack (kill -9) leaves the job to the restarted one, which finishes it', async () => {
  const databaseUrl = await createTestDatabase();
  const jwtSecret = randomBytes(32).toString('hex');
  // LibreOffice made slow, so the kill lands while the pack's PDFs are being made.
  const slow = await fakeLibreOffice('sleep 5; exec soffice "$@"');
  const service = await startService({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: jwtSecret,
    LIBREOFFICE_PATH: slow.path,
    JOB_POLL_MS: '500',
  });
  killed = service.child;
  const request = client(service.url);
  const login = await request('POST', '/api/auth/login', {
    body: { email: 'secretariat@demo.local', password: 'demo' },
  });
  const token = expectBody(login, LoginResponseDto.schema, 200).accessToken;
  const meetingId = await seventhCfm({ request }, token);
  const accepted = await request('POST', `/api/meetings/${meetingId}/pack`, {
    token,
    body: { languages: ['en'] },
  });
  const { jobId } = expectBody(accepted, PackAcceptedDto.schema, 202);

  const midway = await until(
    async () => expectBody(await request('GET', `/api/jobs/${jobId}`, { token }), JobDto.schema),
    (job) => job.status === 'running' && job.progress.done > 0,
    60_000,
  );
  expect(midway.progress.done).toBeLessThan(midway.progress.total);
  service.child.kill('SIGKILL');
  await once(service.child, 'exit');
  killed = undefined;

  // Another instance, with LibreOffice as installed: it finds the job's heartbeat gone.
  restarted = await startTestApp({
    databaseUrl,
    jwtSecret,
    env: { JOB_POLL_MS: '500', JOB_SUPERVISE_SECONDS: '1' },
  });
  const job = await jobSettled(restarted, token, jobId);
  expect(job).toMatchObject({ status: 'done', attempts: 2 });
  const file = await restarted.request('GET', `/api/jobs/${jobId}/file`, { token });
  const { manifest } = await openPack(bytesBody(file));
  expect(manifest.files).toHaveLength(job.progress.total);
  expect(new Set(manifest.files.map((f) => f.format))).toEqual(new Set(['docx', 'pdf']));
});

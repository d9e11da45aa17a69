import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { LoginResponseDto } from '../../apps/api/src/auth/auth.dto';
import { DraftDto } from '../../apps/api/src/drafts/drafts.dto';
import { createTestDatabase } from '../support/database';
import { expectBody } from '../support/responses';
import { startService } from '../support/service-process';
import { type TestSmtpServer, settleMail, startSmtpServer } from '../support/smtp';
import { type TestApp, startTestApp } from '../support/test-app';

async function call(
  url: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    headers: response.headers,
    body: await response.json(),
  };
}

let smtp: TestSmtpServer;
let restarted: TestApp | undefined;
let killed: ChildProcess | undefined;

afterAll(async () => {
  killed?.kill('SIGKILL');
  await restarted?.close();
  await smtp?.close();
});

it('delivers after a restart, once and with the same Message-ID, mail whose sender died between commit and delivery', async () => {
  // The server reads the first message and never answers: the sender is caught mid-delivery.
  smtp = await startSmtpServer(() => 'stall');
  const databaseUrl = await createTestDatabase();
  const env = {
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    JWT_SECRET: randomBytes(32).toString('hex'),
    MAIL_TIMEOUT_MS: '60000',
    MAIL_RETRY_BASE_MS: '1000',
  };
  const service = await startService(env);
  killed = service.child;

  const login = await call(service.url, 'POST', '/api/auth/login', null, {
    email: 'secretariat@demo.local',
    password: 'demo',
  });
  const token = expectBody(login, LoginResponseDto.schema, 200).accessToken;
  const draft = await call(service.url, 'POST', '/api/drafts', token, {
    type: 'statement',
    title: 'Statement on a crash',
    adoptingBodyCode: 'CFM',
    penholder: 'AZE',
    language: 'en',
    operative: [{ text: 'Decide to stay the course.' }],
  });
  const draftId = expectBody(draft, DraftDto.schema, 201).id;
  const submitted = await call(
    service.url,
    'POST',
    `/api/drafts/${draftId}/transitions`,
    token,
    { action: 'submit' },
    { 'if-match': draft.etag! },
  );
  expect(submitted.status).toBe(200);

  const caught = await smtp.waitForStall(30000);
  service.child.kill('SIGKILL');
  await once(service.child, 'exit');
  killed = undefined;

  // The server accepts from now on: the restarted instance starts sending as it boots, and a
  // message it sent into the stall would wait out its timeout and back-off.
  smtp.answer = () => 'accept';
  // Its supervisor finds the dead instance's mail jobs without a heartbeat and retries them.
  restarted = await startTestApp({
    databaseUrl,
    env: { SMTP_URL: smtp.url, JOB_POLL_MS: '500', JOB_SUPERVISE_SECONDS: '1' },
  });
  const pending = await restarted.dataSource.query<{ message_id: string; delivery: string }[]>(
    `SELECT message_id, delivery FROM notices WHERE draft_id = $1`,
    [draftId],
  );
  expect(pending.find((n) => n.message_id === caught)).toBeDefined();
  await smtp.waitForAccepted(pending.length, 60000);
  await settleMail(restarted.dataSource);

  const arrived = smtp.accepted.map((mail) => mail.messageId);
  expect(arrived.filter((id) => id === caught)).toHaveLength(1);
  expect(new Set(arrived).size).toBe(arrived.length);
  expect(arrived.sort()).toEqual(pending.map((n) => n.message_id).sort());
  const [{ unsent }]: { unsent: number }[] = await restarted.dataSource.query(
    `SELECT count(*)::int AS unsent FROM notices WHERE draft_id = $1 AND delivery <> 'sent'`,
    [draftId],
  );
  expect(unsent).toBe(0);
}, 180000);

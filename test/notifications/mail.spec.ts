import { JOB_QUEUE_SCHEMA } from '@chancery/persistence';
import { NoticeOutbox } from '../../apps/api/src/notifications/notice-outbox';
import { NoticeDto } from '../../apps/api/src/notifications/notifications.dto';
import {
  addRevision,
  delegateOf,
  memberStateCodes,
  registerDraft,
  transition,
} from '../support/drafts';
import { type TestSmtpServer, settleMail, startSmtpServer } from '../support/smtp';
import { type TestApp, startTestApp } from '../support/test-app';
import { until } from '../support/until';

const RUSSIAN_SPEAKING = ['RUS', 'KAZ'];

let smtp: TestSmtpServer;
let api: TestApp;
let draftId: string;
let delegates: string[];

const recipients = () =>
  smtp.accepted.map((mail) => mail.to && 'value' in mail.to && mail.to.value[0].address);

async function notices(kind: string) {
  return api.dataSource.query<
    { email: string; delivery: string; attempts: number; message_id: string }[]
  >(
    `SELECT u.email, n.delivery, n.attempts, n.message_id FROM notices n JOIN users u ON u.id = n.recipient_id
      WHERE n.draft_id = $1 AND n.kind = $2 ORDER BY u.email, n.created_at`,
    [draftId, kind],
  );
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  api = await startTestApp({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'CICA Secretariat <secretariat@cica.test>',
      PUBLIC_URL: 'https://desk.cica.test',
      MAIL_RETRY_BASE_MS: '1000',
      MAIL_TIMEOUT_MS: '5000',
      JOB_POLL_MS: '500',
    },
  });
  await api.dataSource.query(
    `UPDATE users SET language = 'ru', time_zone = 'Europe/Moscow' WHERE email = ANY($1)`,
    [RUSSIAN_SPEAKING.map(delegateOf)],
  );
  delegates = (await memberStateCodes(api)).map(delegateOf).sort();
  draftId = (await registerDraft(api, { title: 'Statement on connectivity & trade' })).id;
});

afterAll(async () => {
  await api?.close();
  await smtp?.close();
});

beforeEach(() => {
  smtp.accepted.splice(0);
  smtp.answer = () => 'accept';
});

describe('notices by mail', () => {
  it("mails every member state's delegates once when a draft is submitted for review, each in their language", async () => {
    const submitted = await transition(api, draftId, 'secretariat@demo.local', {
      action: 'submit',
    });
    expect(submitted.status).toBe(200);
    await smtp.waitForAccepted(delegates.length);
    // Whatever else is swept now finds nothing more to send.
    await settleMail(api.dataSource);

    expect(recipients().sort()).toEqual(delegates);
    const stored = await notices('under-review');
    expect(stored.every((notice) => notice.delivery === 'sent' && notice.attempts === 1)).toBe(
      true,
    );
    // The Message-ID the outbox fixed is the one that arrived.
    expect(smtp.accepted.map((mail) => mail.messageId).sort()).toEqual(
      stored.map((notice) => notice.message_id).sort(),
    );

    const mailTo = (email: string) => smtp.accepted[recipients().indexOf(email)];
    const russian = mailTo(delegateOf('RUS'));
    expect(russian.subject).toMatch(/на рассмотрении: Statement on connectivity & trade$/);
    expect(russian.text).toContain('представлен на рассмотрение');
    expect(russian.headers.get('content-language')).toBe('ru');
    const english = mailTo(delegateOf('AZE'));
    expect(english.subject).toMatch(/is under review: Statement on connectivity & trade$/);
    expect(english.text).toContain(`https://desk.cica.test/desk/drafts/${draftId}`);
    expect(english.html).toContain('Statement on connectivity &amp; trade');
    expect(english.from?.value[0]).toMatchObject({
      name: 'CICA Secretariat',
      address: 'secretariat@cica.test',
    });
  });

  it('mails nobody who opted out of the kind, and leaves nothing in their inbox', async () => {
    const mongolia = await api.login(delegateOf('MNG'));
    const saved = await api.request('PUT', '/api/me/notification-settings', {
      token: mongolia,
      body: { optOut: ['revision'] },
    });
    expect(saved.body).toEqual({ optOut: ['revision'] });

    expect((await addRevision(api, draftId, { operative: [{ text: 'Revised.' }] })).status).toBe(
      201,
    );
    await smtp.waitForAccepted(delegates.length - 1);
    await settleMail(api.dataSource);

    expect(recipients()).not.toContain(delegateOf('MNG'));
    expect(recipients()).toHaveLength(delegates.length - 1);
    const inbox = await api.request('GET', '/api/me/notices', {
      token: mongolia,
      as: NoticeDto.schema.array(),
    });
    expect(inbox.body.map((notice) => notice.kind)).toEqual(['under-review']);
  });

  it('delivers once, with its Message-ID, to a server that refuses twice (451) and then accepts', async () => {
    // Everyone but Azerbaijan's delegate opts out, so that one notice is written.
    await api.dataSource.query(
      `INSERT INTO notification_settings (user_id, opt_out)
       SELECT id, '{revision}' FROM users WHERE email LIKE 'delegate.%' AND email <> $1
       ON CONFLICT (user_id) DO UPDATE SET opt_out = EXCLUDED.opt_out`,
      [delegateOf('AZE')],
    );
    const offeredBefore = smtp.offered();
    smtp.answer = (attempt) =>
      attempt - offeredBefore <= 2
        ? { code: 451, message: '4.3.0 Mailbox temporarily unavailable' }
        : 'accept';

    expect((await addRevision(api, draftId, { operative: [{ text: 'Third.' }] })).status).toBe(201);
    const [mail] = await smtp.waitForAccepted(1);
    await settleMail(api.dataSource);

    expect(smtp.offered() - offeredBefore).toBe(3);
    expect(smtp.accepted).toHaveLength(1);
    const [stored] = (await notices('revision'))
      .filter((n) => n.email === delegateOf('AZE'))
      .slice(-1);
    expect(stored).toMatchObject({ delivery: 'sent', attempts: 3 });
    expect(mail.messageId).toBe(stored.message_id);
  });

  it('gives up at once on a permanent refusal (5xx) and says why', async () => {
    smtp.answer = () => ({ code: 550, message: '5.1.1 No such user' });
    const offeredBefore = smtp.offered();
    expect((await addRevision(api, draftId, { operative: [{ text: 'Fourth.' }] })).status).toBe(
      201,
    );
    const [failed] = await waitForRow(
      `SELECT delivery, attempts, last_error FROM notices
        WHERE draft_id = $1 AND kind = 'revision' AND delivery <> 'sent' AND delivery <> 'pending'`,
    );
    expect(failed).toMatchObject({ delivery: 'failed', attempts: 1 });
    expect(failed.last_error).toContain('No such user');
    expect(smtp.offered() - offeredBefore).toBe(1);
  });

  it('sends nothing for a change whose transaction fails after its notices were written', async () => {
    const offeredBefore = smtp.offered();
    const jobsBefore = await mailJobs();
    const outbox = api.app.get(NoticeOutbox);
    let written = 0;
    await expect(
      api.dataSource.transaction(async (manager) => {
        written = await outbox.record(
          manager,
          { kind: 'consensus', revision: 4, method: 'explicit' },
          { id: draftId, symbol: 'CICA/CFM/1', title: 'Rolled back', penholder: 'AZE' },
          new Date(),
        );
        throw new Error('the change failed after its notices were written');
      }),
    ).rejects.toThrow('the change failed');
    expect(written).toBeGreaterThan(0);

    await settleMail(api.dataSource);
    expect(smtp.offered()).toBe(offeredBefore);
    expect(await notices('consensus')).toEqual([]);
    // The mail jobs the outbox enqueued went with the transaction.
    expect(await mailJobs()).toBe(jobsBefore);
  });
});

async function mailJobs(): Promise<number> {
  const [{ count }] = await api.dataSource.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'mail-notice'`,
  );
  return count;
}

/** Polls until the query returns a row (bounded): mail is sent by jobs in the background. */
async function waitForRow(sql: string): Promise<Record<string, unknown>[]> {
  const rows = await until(
    () => api.dataSource.query<Record<string, unknown>[]>(sql, [draftId]),
    (found) => found.length > 0,
    20000,
  );
  if (rows.length === 0) throw new Error('no row appeared');
  return rows;
}

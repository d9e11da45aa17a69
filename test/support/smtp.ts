import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { until } from './until';

/** What the server answers to the n-th message it is offered (from 1). */
export type SmtpAnswer = 'accept' | 'stall' | { code: number; message: string };

export interface TestSmtpServer {
  url: string;
  /** Every message accepted, in order of arrival. */
  accepted: ParsedMail[];
  /** How many messages were offered (accepted, refused or stalled). */
  offered(): number;
  /** The Message-IDs of messages offered while stalled (their DATA was read, never answered). */
  stalled: string[];
  answer: (attempt: number) => SmtpAnswer;
  /** Resolves once `count` messages were accepted; rejects after `timeoutMs`. */
  waitForAccepted(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Resolves when a message is stalled. */
  waitForStall(timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process (smtp-server), reading what arrives with mailparser.
 * The test decides what it answers to each message: accept, refuse with a code, or stall.
 */
export async function startSmtpServer(
  answer: (attempt: number) => SmtpAnswer = () => 'accept',
): Promise<TestSmtpServer> {
  let offered = 0;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((wake) => wake());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A stalled session must not hold the test's teardown for the default 30 s.
    closeTimeout: 200,
    onData(stream, _session, callback) {
      offered += 1;
      const reply = state.answer(offered);
      simpleParser(stream)
        .then((mail) => {
          if (reply === 'accept') {
            state.accepted.push(mail);
            callback();
          } else if (reply === 'stall') {
            state.stalled.push(mail.messageId ?? '');
          } else {
            callback(Object.assign(new Error(reply.message), { responseCode: reply.code }));
          }
          notify();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  const until = <T>(ready: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${what} within ${timeoutMs} ms (${state.accepted.length} accepted)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  const state: TestSmtpServer = {
    url: `smtp://127.0.0.1:${port}`,
    accepted: [],
    stalled: [],
    answer,
    offered: () => offered,
    waitForAccepted: (count, timeoutMs = 10000) =>
      until(
        () => (state.accepted.length >= count ? state.accepted : undefined),
        timeoutMs,
        `expected ${count} messages`,
      ),
    waitForStall: (timeoutMs = 10000) =>
      until(() => state.stalled[0], timeoutMs, 'expected a stalled message'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return state;
}

/**
 * Waits (bounded) until no notice in the database waits for mail: each mail job has sent its
 * notice or given up. A retry's back-off is waited out, as the server's answer decides it.
 */
export async function settleMail(
  dataSource: { query<T>(sql: string): Promise<T> },
  timeoutMs = 30000,
): Promise<void> {
  const pending = await until(
    async () =>
      (
        await dataSource.query<{ count: number }[]>(
          `SELECT count(*)::int AS count FROM notices WHERE delivery = 'pending'`,
        )
      )[0].count,
    (count) => count === 0,
    timeoutMs,
  );
  if (pending > 0) throw new Error(`${pending} notices still wait for mail after ${timeoutMs} ms`);
}

/**
 * Notices on one transition: 28 member states × 3 delegates told that a draft is under review.
 *
 * 1. Fan-out: the outbox writing the 84 notices of one change (recipients, opt-outs, plan,
 *    insert) against the floor, a bare INSERT of the same 84 rows, each in a transaction.
 * 2. The transition itself (submit for review, through DraftsService), with the outbox and with
 *    an outbox that writes nothing.
 *
 *   npm run bench:notify            (embedded PostgreSQL, or DATABASE_URL's server)
 */
import 'reflect-metadata';
import { openBenchDatabase } from '../support/bench-database';
import { median, sampleMs } from '../support/measure';
import { planNotices, type NoticeChange } from '@chancery/domain';
import { DraftRepository, NoticeRepository } from '@chancery/persistence';
import type { Principal } from '../../apps/api/src/auth/principal';
import { loadConfig } from '../../apps/api/src/config/config';
import { createApp } from '../../apps/api/src/create-app';
import { RegisterDraftService } from '../../apps/api/src/drafts/use-cases/register-draft.service';
import { TransitionDraftService } from '../../apps/api/src/drafts/use-cases/transition-draft.service';
import { NoticeOutbox } from '../../apps/api/src/notifications/notice-outbox';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const DELEGATES_PER_STATE = 3;

async function main(): Promise<void> {
  const { dataSource, close } = await openBenchDatabase();
  try {
    // Two more delegates for each member state (the seed has one), a third of them in Russian.
    for (let n = 2; n <= DELEGATES_PER_STATE; n += 1) {
      await dataSource.query(
        `WITH added AS (
           INSERT INTO users (email, display_name, password_hash, language)
           SELECT 'delegate' || $1 || '.' || lower(code) || '@bench.local', 'Delegate ' || $1 || ' of ' || code, 'x',
                  CASE WHEN abs(hashtext(code)) % 3 = 0 THEN 'ru' ELSE 'en' END
             FROM participants WHERE kind = 'member-state'
           RETURNING id, email
         )
         INSERT INTO user_roles (user_id, role, participant_id)
         SELECT a.id, 'delegate', p.id FROM added a
           JOIN participants p ON a.email LIKE '%.' || lower(p.code) || '@bench.local'`,
        [n],
      );
    }
    // The whole service, without HTTP; a mail server is configured (the notices are pending)
    // but none listens, and the deliverer's sweep is left out of the measure (poll: 60 s).
    const config = loadConfig({
      SMTP_URL: 'smtp://127.0.0.1:9',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      JOB_POLL_MS: '60000',
    });
    const app = await createApp({
      config,
      jwtSecret: 'x'.repeat(32),
      dataSource,
      engine: 'embedded',
    });
    const repository = new DraftRepository();
    const notices = new NoticeRepository();
    const outbox = app.get(NoticeOutbox);
    const registration = app.get(RegisterDraftService);
    const transitions = app.get(TransitionDraftService);
    const [secretariat] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE email = 'secretariat@demo.local'`,
    );
    const principal: Principal = {
      userId: secretariat.id,
      roles: ['secretariat'],
      chairOf: [],
      stateCode: null,
      email: 'secretariat@demo.local',
      displayName: 'Secretariat',
    };
    const register = async () => {
      const draft = await registration.execute(principal, {
        type: 'statement',
        title: 'Benchmark statement',
        adoptingBodyCode: 'CFM',
        penholder: 'AZE',
        language: 'en',
        preamble: [],
        operative: [{ text: 'Decide.' }],
      });
      return draft;
    };

    // 1. Fan-out against the floor.
    const change: NoticeChange = { kind: 'under-review', revision: 1 };
    const sample = await register();
    const noticeDraft = {
      id: sample.id,
      symbol: sample.symbol,
      title: sample.title,
      penholder: 'AZE',
    };
    const planned = planNotices({
      change,
      draft: noticeDraft,
      members: await repository.memberStates(dataSource.manager),
      recipients: await notices.delegates(dataSource.manager),
      onDate: new Date(),
    });
    const recipients = planned.map((notice) => notice.recipientId);
    const facts = JSON.stringify(planned[0].facts);
    const timed = async <T>(run: (input: T) => Promise<unknown>, prepare?: () => Promise<T>) =>
      median(await sampleMs(run, { rounds: ROUNDS, prepare }));
    const fanOut = await timed(() =>
      dataSource.transaction((manager) => outbox.record(manager, change, noticeDraft, new Date())),
    );
    const floor = await timed(() =>
      dataSource.transaction((manager) =>
        manager.query(
          `INSERT INTO notices (recipient_id, kind, draft_id, facts, delivery, message_id)
             SELECT r, 'under-review', $2, $3::jsonb, 'pending', gen_random_uuid()::text FROM unnest($1::uuid[]) r`,
          [recipients, sample.id, facts],
        ),
      ),
    );

    // 2. The transition, with and without the outbox (its record() made to write nothing).
    const submit = () =>
      timed(
        (draft: { id: string; etag: string }) =>
          transitions.execute(principal, draft.id, { action: 'submit' }, draft.etag),
        register,
      );
    const transitionWith = await submit();
    const record = outbox.record.bind(outbox);
    outbox.record = () => Promise.resolve(0);
    const transitionWithout = await submit();
    outbox.record = record;
    await app.close();

    console.log(
      `notices on one transition: ${recipients.length} delegates (${recipients.length / DELEGATES_PER_STATE} member states × ${DELEGATES_PER_STATE})`,
    );
    console.log(
      `  floor   bare INSERT of ${recipients.length} notice rows          median ${floor.toFixed(2)} ms`,
    );
    console.log(
      `  ours    outbox: recipients, opt-outs, plan, insert  median ${fanOut.toFixed(2)} ms`,
    );
    console.log(`  ratio   ${(fanOut / floor).toFixed(1)}× the floor`);
    console.log(`  submit for review, with the outbox      median ${transitionWith.toFixed(2)} ms`);
    console.log(
      `  submit for review, without notices      median ${transitionWithout.toFixed(2)} ms`,
    );
    console.log(
      `  ratio   ${(transitionWith / transitionWithout).toFixed(2)}× (${ROUNDS} rounds after 5 warm-up)`,
    );
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

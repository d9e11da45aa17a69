import 'reflect-metadata';
import { Test, type TestingModule } from '@nestjs/testing';
import { buildDataSourceOptions } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import { ManualClock } from '../../apps/api/src/application/clock';
import { PrincipalRepository } from '../../apps/api/src/auth/principal.repository';
import type { Principal } from '../../apps/api/src/auth/principal';
import { DraftQueriesService } from '../../apps/api/src/drafts/draft-queries.service';
import { APP_CONFIG, loadConfig } from '../../apps/api/src/config/config';
import { draftsProviders } from '../../apps/api/src/drafts/drafts.providers';
import { notificationsProviders } from '../../apps/api/src/notifications/notifications.providers';
import { RegisterDraftService } from '../../apps/api/src/drafts/use-cases/register-draft.service';
import { TransitionDraftService } from '../../apps/api/src/drafts/use-cases/transition-draft.service';
import { createTestDatabase } from './database';

/**
 * The middle tier: the use cases and repositories on the real database, without HTTP, with
 * a clock the test moves.
 */
export interface UseCases {
  module: TestingModule;
  dataSource: DataSource;
  databaseUrl: string;
  clock: ManualClock;
  get<T>(type: new (...args: never[]) => T): T;
  /** A demo account as the use cases see it once signed in. */
  principal(email: string): Promise<Principal>;
  close(): Promise<void>;
}

export async function startUseCases(
  options: { databaseUrl?: string; clock?: ManualClock; poolSize?: number } = {},
): Promise<UseCases> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const dataSource = new DataSource(
    buildDataSourceOptions({ url: databaseUrl, poolSize: options.poolSize ?? 8 }),
  );
  await dataSource.initialize();
  const clock = options.clock ?? new ManualClock(new Date());
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: dataSource },
      PrincipalRepository,
      ...draftsProviders(clock),
      // The use cases write notices and desk events; no mail server here.
      { provide: APP_CONFIG, useValue: loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false' }) },
      ...notificationsProviders(),
    ],
  }).compile();
  const principals = new Map<string, Principal>();
  return {
    module,
    dataSource,
    databaseUrl,
    clock,
    get: (type) => module.get(type),
    async principal(email) {
      const known = principals.get(email);
      if (known) return known;
      const found = await module.get(PrincipalRepository).findByEmail(email);
      if (!found) throw new Error(`no demo account ${email}`);
      const { passwordHash: _hash, active: _active, ...principal } = found;
      principals.set(email, principal);
      return principal;
    },
    async close() {
      await module.close();
      await dataSource.destroy();
    },
  };
}

/** A draft with text, submitted for review by the secretariat; its id. */
export async function submittedDraft(useCases: UseCases, title = 'Statement on dialogue') {
  const secretariat = await useCases.principal('secretariat@demo.local');
  const draft = await useCases.get(RegisterDraftService).execute(secretariat, {
    type: 'statement',
    title,
    adoptingBodyCode: 'CFM',
    penholder: 'AZE',
    language: 'en',
    preamble: [{ text: 'Recalling the Declaration on Principles,' }],
    operative: [{ text: 'Reaffirm our commitment to dialogue;' }],
  });
  await useCases
    .get(TransitionDraftService)
    .execute(secretariat, draft.id, { action: 'submit' }, draft.etag);
  return draft.id;
}

export async function etagOf(useCases: UseCases, id: string): Promise<string> {
  const reader = await useCases.principal('observer@demo.local');
  return (await useCases.get(DraftQueriesService).get(reader, id)).etag;
}

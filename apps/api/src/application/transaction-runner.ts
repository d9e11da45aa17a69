import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type DraftRow,
  DraftRepository,
  DraftWriteRepository,
  appendAudit,
} from '@chancery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import { checkIfMatch, versionEtag } from '../common/etag';
import { CLOCK, type Clock } from './clock';

const SKIPPED = Symbol('SKIPPED');

/** Work to run once the transaction has committed (mail, jobs, cache): never for a rollback. */
export type AfterCommitTask = () => Promise<void> | void;

/** One use case's transaction: its manager, its moment, its actor, its audit and its queue. */
export interface UnitOfWork {
  /** Every query of the use case goes through it (an outbox row, a pg-boss job: the same). */
  readonly manager: EntityManager;
  /** The use case's one instant: every row and audit entry it writes carries it. */
  readonly now: Date;
  /** Null for the service's own work (a silence deadline passing). */
  readonly actor: Principal | null;
  /** Appends an audit entry in this transaction, attributed to the actor. */
  audit(action: string, details: Record<string, unknown>, draftId?: string | null): Promise<void>;
  /** Queues work for after commit; it runs in order, and a failure is logged, not thrown. */
  afterCommit(task: AfterCommitTask): void;
}

/** A unit of work on one draft, whose row it holds locked until commit. */
export interface DraftUnitOfWork extends UnitOfWork {
  /** The draft as locked at the start. */
  readonly draft: DraftRow;
  /** Audits on this draft unless another is named. */
  audit(action: string, details: Record<string, unknown>, draftId?: string | null): Promise<void>;
  /**
   * The draft's text or status changed: its ETag moves (once per transaction, however often
   * this is called). Positions do not call it: they bind to the revision they name.
   */
  textOrStatusChanged(): Promise<void>;
}

export interface DraftPrecondition {
  /** The If-Match header as sent. */
  ifMatch: string | undefined;
  /** 428 without If-Match (text and status changes); otherwise honoured when sent. */
  required: boolean;
  /**
   * A dry run: the work runs in full and is then rolled back, with nothing queued for after
   * commit run. It decides exactly as the real write would, and stores nothing.
   */
  rehearse?: boolean;
}

/** Carries a rehearsal's answer out of the transaction it rolls back. */
class Rehearsal<T> extends Error {
  constructor(readonly result: T) {
    super('rehearsal rolled back');
  }
}

function auditActor(principal: Principal | null) {
  return principal
    ? { actorId: principal.userId, actorLabel: `${principal.displayName} <${principal.email}>` }
    : { actorId: null, actorLabel: 'Chancery (scheduled job)' };
}

/**
 * The one way the application writes (after Vendure's withTransaction): begin, lock the
 * draft row and check If-Match, let the use case ask the domain and write, append its audit
 * entries, move the ETag at most once, commit, then run what was queued for after commit.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
  ) {}

  /** A write that is not on one draft (registration, meetings). */
  async write<T>(actor: Principal | null, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    const queue: AfterCommitTask[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work(this.unitOfWork(manager, actor, queue, null)),
    );
    await this.runAfterCommit(queue);
    return result;
  }

  /** A write on one draft: its row locked, the precondition checked, then the work. */
  async onDraft<T>(
    actor: Principal | null,
    draftId: string,
    precondition: DraftPrecondition,
    work: (uow: DraftUnitOfWork) => Promise<T>,
  ): Promise<T> {
    const result = await this.lockAndRun(actor, draftId, 'wait', precondition, work);
    if (result === SKIPPED) throw notFound('Draft', draftId, 'id');
    return result;
  }

  /**
   * The service's own work on a draft another replica may be doing at this moment: a draft
   * locked elsewhere is skipped (SKIP LOCKED), and null is answered.
   */
  async onDraftIfFree<T>(
    draftId: string,
    work: (uow: DraftUnitOfWork) => Promise<T>,
  ): Promise<T | null> {
    const result = await this.lockAndRun(null, draftId, 'skip', null, work);
    return result === SKIPPED ? null : result;
  }

  /** One read-only transaction: every query in it sees the same moment. */
  read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }

  private async lockAndRun<T>(
    actor: Principal | null,
    draftId: string,
    lock: 'wait' | 'skip',
    precondition: DraftPrecondition | null,
    work: (uow: DraftUnitOfWork) => Promise<T>,
  ): Promise<T | typeof SKIPPED> {
    const queue: AfterCommitTask[] = [];
    const transaction = this.dataSource.transaction(async (manager) => {
      const draft = await this.drafts.find(manager, draftId, { lock });
      if (!draft) {
        if (lock === 'skip') return SKIPPED;
        throw notFound('Draft', draftId, 'id');
      }
      if (precondition) {
        checkIfMatch(
          precondition.ifMatch,
          versionEtag(draft.id, draft.version),
          precondition.required,
        );
      }
      const base = this.unitOfWork(manager, actor, queue, draft.id);
      let moved = false;
      const uow: DraftUnitOfWork = {
        ...base,
        draft,
        textOrStatusChanged: async () => {
          if (moved) return;
          moved = true;
          await this.writes.bumpVersion(manager, draft.id, base.now);
        },
      };
      const answer = await work(uow);
      if (precondition?.rehearse) throw new Rehearsal(answer);
      return answer;
    });
    let result: T | typeof SKIPPED;
    try {
      result = await transaction;
    } catch (error) {
      if (error instanceof Rehearsal) return error.result as T;
      throw error;
    }
    if (result !== SKIPPED) await this.runAfterCommit(queue);
    return result;
  }

  private unitOfWork(
    manager: EntityManager,
    actor: Principal | null,
    queue: AfterCommitTask[],
    draftId: string | null,
  ): UnitOfWork {
    const now = this.clock.now();
    return {
      manager,
      now,
      actor,
      audit: async (action, details, onDraft = draftId) => {
        await appendAudit(manager, {
          ...auditActor(actor),
          occurredAt: now,
          draftId: onDraft,
          action,
          details,
        });
      },
      afterCommit: (task) => {
        queue.push(task);
      },
    };
  }

  private async runAfterCommit(queue: AfterCommitTask[]): Promise<void> {
    for (const task of queue) {
      try {
        await task();
      } catch (error) {
        // The change is committed: a failed follow-up is logged (and retried by its own
        // mechanism, an outbox or a job), never reported as a failed change.
        this.logger.error({ err: error }, 'after-commit task failed');
      }
    }
  }
}

import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { JOB_QUEUE_SCHEMA, connectionUrl } from '@chancery/persistence';
import { type Db, type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JOB_KINDS, type JobKind } from './job-kinds';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/** What a handler learns of the job it runs. */
export interface JobContext {
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Whether a failure now is the last (no retry follows). */
  lastAttempt: boolean;
  /** Aborted when the job is no longer this worker's (expired, cancelled, shutting down). */
  signal: AbortSignal;
}

export type JobHandler<T extends object> = (data: T, job: JobContext) => Promise<unknown>;

/**
 * Thrown by a handler for a failure that no retry can mend (a mail server's 5xx, say): the job
 * fails for good at once, with this message, instead of spending its retries.
 */
export class PermanentJobFailure extends Error {
  override readonly name = 'PermanentJobFailure';
}

export interface RegisterOptions {
  /** Jobs run at once on this replica (default 1). */
  concurrency?: number;
  /**
   * Jobs fetched together (default 1), each run and settled on its own: for many small jobs
   * (one per mail), so that a burst is worked off without waiting a poll between jobs.
   */
  batchSize?: number;
}

/** A job as the API and the admin page show it. */
export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  data: Record<string, unknown>;
  /** Attempts started so far (retries included). */
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
  startAfter: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** The last failure's message, if the job failed or waits for a retry. */
  error: string | null;
  /** What the handler returned, for a completed job. */
  output: unknown;
}

/** Where a job is enqueued: inside a use case's transaction (its manager), always. */
export interface InTransaction {
  readonly manager: EntityManager;
}

export interface SendOptions {
  /** Not before this instant (a deadline). */
  startAfter?: Date;
  /** A uuid of the caller's choosing: sending the same id twice enqueues once. */
  id?: string;
}

/**
 * pg-boss's statements run on the use case's own connection, so a job is enqueued (or
 * cancelled) with the change that caused it, and a rollback leaves none.
 */
function transactionDb(manager: EntityManager): Db {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('a job is enqueued inside a transaction (uow.manager)');
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      // The structured result: TypeORM answers [rows, count] for an UPDATE otherwise.
      const result = await runner.query(text, values, true);
      return { rows: (result as { records: unknown[] }).records ?? [] };
    },
  };
}

function messageOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const message = (output as { message?: unknown }).message;
  return typeof message === 'string' ? message : null;
}

/**
 * The application's job queue: pg-boss on the same PostgreSQL (embedded or server). A job runs
 * once whichever replica fetches it (SKIP LOCKED), is retried with back-off, survives restarts
 * (it is a row), and stays visible when it fails. pg-boss's schema is installed by the owner in
 * the migrations; here it is only checked (`migrate: false`), as the serving role cannot create
 * it. Handlers are registered by their owners before the application starts; each replica works
 * every kind that has a handler.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly handlers = new Map<
    string,
    { handler: JobHandler<object>; concurrency: number; batchSize: number }
  >();
  private boss: Promise<PgBoss> | null = null;
  private stopped = false;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called from an owner's onModuleInit: the handler runs this kind's jobs in this replica. */
  register<T extends object>(
    kind: JobKind<T>,
    handler: JobHandler<T>,
    options: RegisterOptions = {},
  ): void {
    this.handlers.set(kind.name, {
      handler: handler as JobHandler<object>,
      concurrency: options.concurrency ?? 1,
      batchSize: options.batchSize ?? 1,
    });
  }

  /** Enqueues a job in the caller's transaction; its id (null: that id was enqueued already). */
  async send<T extends object>(
    uow: InTransaction,
    kind: JobKind<T>,
    data: T,
    options: SendOptions = {},
  ): Promise<string | null> {
    const boss = await this.started();
    return boss.send(kind.name, data, {
      db: transactionDb(uow.manager),
      ...(options.id && { id: options.id }),
      ...(options.startAfter && { startAfter: options.startAfter }),
    });
  }

  /** Enqueues several jobs of one kind in one statement, in the caller's transaction. */
  async sendMany<T extends object>(
    uow: InTransaction,
    kind: JobKind<T>,
    jobs: readonly { id: string; data: T }[],
  ): Promise<void> {
    if (jobs.length === 0) return;
    const boss = await this.started();
    await boss.insert(
      kind.name,
      jobs.map((job) => ({ id: job.id, data: job.data })),
      { db: transactionDb(uow.manager) },
    );
  }

  /** Cancels a job that has not finished, in the caller's transaction when one is given. */
  async cancel(uow: InTransaction | null, kind: JobKind<object>, id: string): Promise<void> {
    const boss = await this.started();
    await boss.cancel(kind.name, id, uow ? { db: transactionDb(uow.manager) } : {});
  }

  /** Runs a failed (or cancelled) job again; false when there is no such job to retry. */
  async retry(id: string): Promise<boolean> {
    const job = await this.find(id);
    if (!job || (job.state !== 'failed' && job.state !== 'cancelled')) return false;
    const boss = await this.started();
    await boss.retry(job.kind, id);
    return true;
  }

  /** One job, whichever its kind. */
  async find(id: string): Promise<JobView | null> {
    const boss = await this.started();
    for (const kind of JOB_KINDS) {
      const [job] = await boss.findJobs<Record<string, unknown>>(kind.name, { id });
      if (job) return this.view(job);
    }
    return null;
  }

  /** The newest jobs of every kind, newest first (the admin's list). */
  async list(limit = 100): Promise<JobView[]> {
    const boss = await this.started();
    const all: JobView[] = [];
    for (const kind of JOB_KINDS) {
      const jobs = await boss.findJobs<Record<string, unknown>>(kind.name, { limit: 1000 });
      all.push(...jobs.map((job) => this.view(job)));
    }
    return all.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = await this.started();
    for (const [name, { handler, concurrency, batchSize }] of this.handlers) {
      await boss.work(
        name,
        {
          includeMetadata: true as const,
          perJobResults: true as const,
          batchSize,
          // A full batch means more are waiting: fetch again at once rather than after a poll.
          burstWhenBatchFull: batchSize > 1,
          localConcurrency: concurrency,
          pollingIntervalSeconds: this.config.JOB_POLL_MS / 1000,
        },
        (jobs: JobWithMetadata<object>[]) =>
          Promise.all(jobs.map((job) => this.run(name, handler, job))),
      );
    }
  }

  /** Runs one job and says how it ended; a handler's error never fails the rest of its batch. */
  private async run(
    name: string,
    handler: JobHandler<object>,
    job: JobWithMetadata<object>,
  ): Promise<JobResult> {
    const attempt = job.retryCount + 1;
    try {
      const output: unknown = await handler(job.data, {
        id: job.id,
        attempt,
        lastAttempt: attempt > job.retryLimit,
        signal: job.signal,
      });
      return { id: job.id, status: 'completed', output: output ?? null };
    } catch (error) {
      const permanent = error instanceof PermanentJobFailure;
      const last = permanent || attempt > job.retryLimit;
      this.logger.warn(
        { err: error, job: job.id, kind: name, attempt },
        last ? 'job failed for good' : 'job failed; it will be retried',
      );
      const message = error instanceof Error ? error.message : String(error);
      // pg-boss's dead letter, with no dead-letter queue named, is a final failure.
      return { id: job.id, status: permanent ? 'deadletter' : 'failed', output: { message } };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const boss = await this.boss?.catch(() => null);
    // Handlers in flight get a moment; an unfinished job is taken up again (by its heartbeat or
    // expiry) by whichever replica is left.
    await boss?.stop({ graceful: true, timeout: 5000 });
  }

  /** pg-boss, started on first use (a use case may enqueue before the application boots). */
  private started(): Promise<PgBoss> {
    if (this.stopped) return Promise.reject(new Error('the job queue has stopped'));
    this.boss ??= this.start().catch((error: unknown) => {
      this.boss = null;
      throw error;
    });
    return this.boss;
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: connectionUrl(this.dataSource),
      schema: JOB_QUEUE_SCHEMA,
      application_name: 'chancery-jobs',
      max: this.config.JOB_POOL_SIZE,
      // The owner installed and migrated the schema; the serving role only checks it.
      migrate: false,
      createSchema: false,
      // No cron here; deadlines are jobs with a start time.
      schedule: false,
      supervise: true,
      superviseIntervalSeconds: this.config.JOB_SUPERVISE_SECONDS,
      // A supervising pass (expiry, lost heartbeats) runs no more often than the monitor's
      // interval, which is a minute by default: a dead replica's jobs would wait that long.
      monitorIntervalSeconds: this.config.JOB_SUPERVISE_SECONDS,
      useListenNotify: true,
    });
    // Without a listener an error event would end the process (a lost connection, say).
    // pg's errors carry the whole client (options, buffers, type tables): log what tells.
    boss.on('error', (error: Error & { code?: string }) =>
      this.logger.error(
        { err: { type: error.name, message: error.message, code: error.code, stack: error.stack } },
        'job queue error',
      ),
    );
    boss.on('warning', (warning) => this.logger.warn(warning, 'job queue warning'));
    await boss.start();
    for (const kind of JOB_KINDS) {
      // Creating is a no-op for a queue that exists (another replica, an earlier start); its
      // retry and retention settings follow the code.
      const queue = { ...kind.queue, ...kind.configured?.(this.config) };
      await boss.createQueue(kind.name, queue);
      const { policy: _policy, heartbeatSeconds: _beat, retryDelayMax, ...settings } = queue;
      await boss.updateQueue(kind.name, { ...settings, retryDelayMax: retryDelayMax ?? null });
    }
    return boss;
  }

  private view(job: JobWithMetadata<Record<string, unknown>>): JobView {
    const failed = job.state === 'failed' || job.state === 'retry';
    return {
      id: job.id,
      kind: job.name,
      state: job.state,
      data: job.data ?? {},
      // pg-boss counts retries begun: a job waiting to retry has made retryCount + 1 attempts.
      attempts: job.state === 'created' ? 0 : job.retryCount + 1,
      maxAttempts: job.retryLimit + 1,
      createdAt: new Date(job.createdOn),
      startAfter: new Date(job.startAfter),
      startedAt: job.startedOn ? new Date(job.startedOn) : null,
      completedAt: job.completedOn ? new Date(job.completedOn) : null,
      error: failed ? messageOf(job.output) : null,
      output: job.state === 'completed' ? job.output : null,
    };
  }
}

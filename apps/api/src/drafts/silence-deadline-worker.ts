import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DraftRepository } from '@chancery/persistence';
import { TransactionRunner } from '../application/transaction-runner';
import { SILENCE_DEADLINE } from '../jobs/job-kinds';
import { JobQueue } from '../jobs/job-queue';
import { SilenceDeadlines } from './silence-deadlines';
import { ConcludeSilenceService } from './use-cases/conclude-silence.service';

/**
 * Runs the deadline jobs in this replica. On start it also enqueues any running procedure's
 * job that is missing (procedures started before the queue existed): the job's id is the
 * procedure's, so one already queued is left as it is.
 */
@Injectable()
export class SilenceDeadlineWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(SilenceDeadlineWorker.name);

  constructor(
    @Inject(JobQueue) private readonly jobs: JobQueue,
    @Inject(ConcludeSilenceService) private readonly conclude: ConcludeSilenceService,
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(SilenceDeadlines) private readonly deadlines: SilenceDeadlines,
  ) {
    // Registered before any bootstrap hook runs: the queue starts its workers in its own.
    this.jobs.register(SILENCE_DEADLINE, async ({ draftId }) => {
      const outcome = await this.conclude.execute(draftId);
      this.logger.log({ draftId, outcome }, 'silence deadline reached');
      return { outcome };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.transactions.write(null, async (uow) => {
      for (const procedure of await this.drafts.runningSilences(uow.manager)) {
        await this.deadlines.schedule(uow, {
          id: procedure.id,
          draftId: procedure.draft_id,
          deadline: new Date(procedure.deadline),
        });
      }
    });
  }
}

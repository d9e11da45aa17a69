import { Inject, Injectable } from '@nestjs/common';
import type { UnitOfWork } from '../application/transaction-runner';
import { SILENCE_DEADLINE } from '../jobs/job-kinds';
import { JobQueue } from '../jobs/job-queue';

/**
 * A silence procedure's deadline is a job on the queue, due at the deadline. It is enqueued in
 * the transaction that starts the procedure and cancelled in the one that ends it before its
 * time, so a rolled-back start leaves no job and a broken procedure no pending one. Its id is
 * the procedure's: the job to cancel is known without storing it.
 */
@Injectable()
export class SilenceDeadlines {
  constructor(@Inject(JobQueue) private readonly jobs: JobQueue) {}

  async schedule(
    uow: Pick<UnitOfWork, 'manager'>,
    procedure: { id: string; draftId: string; deadline: Date },
  ): Promise<void> {
    await this.jobs.send(
      uow,
      SILENCE_DEADLINE,
      { draftId: procedure.draftId, procedureId: procedure.id },
      { id: procedure.id, startAfter: procedure.deadline },
    );
  }

  async cancel(uow: Pick<UnitOfWork, 'manager'>, procedureId: string): Promise<void> {
    await this.jobs.cancel(uow, SILENCE_DEADLINE, procedureId);
  }
}

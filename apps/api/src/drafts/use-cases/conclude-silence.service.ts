import { Inject, Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../application/transaction-runner';
import { SilenceSettlement, type SilenceOutcome } from './silence-settlement';

/** Raised when a deadline job runs before the application's clock reaches the deadline. */
export class SilenceNotDue extends Error {
  constructor(draftId: string) {
    super(`the silence procedure on draft ${draftId} has not reached its deadline yet`);
  }
}

/**
 * A silence procedure's deadline job: concludes the draft's running procedure, under the draft's
 * lock, only while it is still running — so exactly once, however many replicas (or retries)
 * try. A job that runs early (the database's clock ahead of the service's) fails and is retried
 * with back-off, rather than concluding before the deadline.
 */
@Injectable()
export class ConcludeSilenceService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(SilenceSettlement) private readonly silence: SilenceSettlement,
  ) {}

  async execute(draftId: string): Promise<Exclude<SilenceOutcome, 'pending'>> {
    const outcome = await this.transactions.onDraft(
      null,
      draftId,
      { ifMatch: undefined, required: false },
      (uow) => this.silence.settle(uow, { byDeadline: true }),
    );
    if (outcome === 'pending') throw new SilenceNotDue(draftId);
    return outcome;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DraftRepository } from '@chancery/persistence';
import { CLOCK, type Clock } from '../../application/clock';
import { TransactionRunner } from '../../application/transaction-runner';
import { SilenceSettlement } from './silence-settlement';

const BATCH = 100;

/**
 * Concludes every silence procedure whose deadline has passed. Any number of replicas may
 * run it at once: a draft locked by another is skipped (SKIP LOCKED) and a procedure is
 * concluded only while it is still running, under the draft's lock — so exactly once.
 */
@Injectable()
export class ConcludeSilenceService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(SilenceSettlement) private readonly silence: SilenceSettlement,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<number> {
    const due = await this.transactions.read((manager) =>
      this.drafts.dueSilence(manager, this.clock.now(), BATCH),
    );
    let concluded = 0;
    for (const draftId of due) {
      const done = await this.transactions.onDraftIfFree(draftId, (uow) =>
        this.silence.settle(uow),
      );
      if (done) concluded += 1;
    }
    return concluded;
  }
}

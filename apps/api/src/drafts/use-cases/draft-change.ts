import type { DraftChange } from '@chancery/domain';
import type { ChangeContext, DraftWriteRepository } from '@chancery/persistence';
import type { DraftUnitOfWork } from '../../application/transaction-runner';
import type { SilenceDeadlines } from '../silence-deadlines';

/**
 * Applies a decided change to the locked draft through the repository's one door, audits
 * the procedure it cancelled (and cancels its deadline job), and moves the ETag (a status changed).
 */
export async function applyDraftChange(
  uow: DraftUnitOfWork,
  writes: DraftWriteRepository,
  deadlines: SilenceDeadlines,
  change: DraftChange,
  context: Omit<ChangeContext, 'now'> & { cancelledBecause: string },
): Promise<void> {
  const applied = await writes.applyChange(uow.manager, uow.draft.id, change, {
    ...context,
    now: uow.now,
  });
  if (applied.cancelledSilence) {
    await deadlines.cancel(uow, applied.cancelledSilence.id);
    await uow.audit('silence.cancelled', {
      revision: applied.cancelledSilence.revision,
      reason: context.cancelledBecause,
    });
  }
  await uow.textOrStatusChanged();
}

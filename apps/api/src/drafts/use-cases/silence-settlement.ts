import { Inject, Injectable } from '@nestjs/common';
import { concludeSilence, decideSilenceConsensus, unwrap } from '@chancery/domain';
import {
  DraftRepository,
  DraftWriteRepository,
  draftFacts,
  toPositionRecord,
} from '@chancery/persistence';
import type { DraftUnitOfWork } from '../../application/transaction-runner';
import { iso } from '../draft-views';
import { applyDraftChange } from './draft-change';
import { DraftAnnouncer } from '../../notifications/draft-announcer';
import { SilenceDeadlines } from '../silence-deadlines';

/** What settling found: no procedure running, still pending, or how it ended now. */
export type SilenceOutcome = 'none' | 'pending' | 'held' | 'broken';

/**
 * Settles the draft's running silence procedure, under the draft's lock: broken at once by an
 * objection, or concluded once its deadline passed — held, it records consensus through the
 * same door as a declaration. Ended otherwise than by its deadline job, the job is cancelled in
 * the same transaction.
 */
@Injectable()
export class SilenceSettlement {
  constructor(
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
    @Inject(SilenceDeadlines) private readonly deadlines: SilenceDeadlines,
  ) {}

  async settle(
    uow: DraftUnitOfWork,
    options: { byDeadline?: boolean } = {},
  ): Promise<SilenceOutcome> {
    const { manager, draft, now } = uow;
    const procedure = await this.drafts.silence(manager, draft.id, { lock: true });
    if (!procedure || procedure.status !== 'running') return 'none';
    const positions = await this.drafts.positions(
      manager,
      draft.id,
      procedure.revision_number,
      true,
    );
    const conclusion = concludeSilence({
      deadline: new Date(procedure.deadline),
      now,
      positions: positions.map(toPositionRecord),
      startedAt: new Date(procedure.started_at),
    });
    if (conclusion.outcome === 'pending') return 'pending';
    const status = conclusion.outcome === 'held' ? 'held' : 'broken';
    const objectors = conclusion.outcome === 'broken' ? conclusion.objectors : [];
    await this.writes.concludeSilence(manager, procedure.id, { status, objectors, now });
    // The deadline job's own run completes it; any other ending leaves it nothing to do.
    if (!options.byDeadline) await this.deadlines.cancel(uow, procedure.id);
    await uow.audit(`silence.${status}`, {
      revision: procedure.revision_number,
      deadline: iso(procedure.deadline),
      ...(objectors.length ? { objectors } : {}),
    });
    // A procedure ending changes what officials may do next, as its start did: the ETag moves.
    await uow.textOrStatusChanged();
    const revision = procedure.revision_number;
    await this.announcer.show(uow, { type: 'silence', status });
    if (conclusion.outcome === 'broken')
      await this.announcer.tell(uow, { kind: 'silence-broken', revision, objectors });
    if (conclusion.outcome === 'held') {
      const change = unwrap(decideSilenceConsensus({ draft: draftFacts(draft) }));
      // Silence deemed consent is the chair's procedure concluding: the declaration is
      // attributed to the chair who started it.
      await applyDraftChange(uow, this.writes, this.deadlines, change, {
        actorId: procedure.started_by,
        revision: procedure.revision_number,
        cancelledBecause: 'silence held',
      });
      await uow.audit('draft.declare-consensus', {
        from: change.from,
        to: change.to,
        method: 'silence',
        revision: procedure.revision_number,
      });
      await this.announcer.tell(uow, { kind: 'consensus', revision, method: 'silence' });
      await this.announcer.show(uow, { type: 'status', status: change.to });
    }
    return status;
  }
}

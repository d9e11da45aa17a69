import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decideRevision, unwrap } from '@chancery/domain';
import { DraftWriteRepository, draftFacts } from '@chancery/persistence';
import { AmendmentsService } from '../../amendments/amendments.service';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { DraftQueriesService } from '../draft-queries.service';
import type { CreateRevisionDto } from '../drafts.dto';
import { applyDraftChange } from './draft-change';
import { SilenceDeadlines } from '../silence-deadlines';
import { RevisionStore } from './revision-store';
import { DraftAnnouncer } from '../../notifications/draft-announcer';

/**
 * POST /api/drafts/:id/revisions: new text, a new round of positions (If-Match required). With
 * a disposition, the text is what the accepted and bracketed amendments make of the current
 * one; every amendment to the current revision gets its outcome with the new revision.
 */
@Injectable()
export class AddRevisionService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(RevisionStore) private readonly revisions: RevisionStore,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(AmendmentsService) private readonly amendments: AmendmentsService,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
    @Inject(SilenceDeadlines) private readonly deadlines: SilenceDeadlines,
  ) {}

  execute(principal: Principal, id: string, input: CreateRevisionDto, ifMatch: string | undefined) {
    return this.transactions.onDraft(principal, id, { ifMatch, required: true }, async (uow) => {
      const { draft } = uow;
      const change = unwrap(
        decideRevision({
          draft: draftFacts(draft),
          actor: principal,
          reason: input.reason,
          disposing: input.disposition !== undefined,
        }),
      );
      // Consensus was on the old text: it is cleared before the new text takes its place.
      await applyDraftChange(uow, this.writes, this.deadlines, change, {
        actorId: principal.userId,
        revision: draft.current_revision,
        cancelledBecause: 'a new revision was circulated',
      });
      if (change.reopens) {
        await uow.audit('draft.reopened', {
          from: change.from,
          to: change.to,
          reason: change.reason,
          byRevision: draft.current_revision + 1,
        });
      }
      // With a disposition the server computes the text from the round's amendments.
      const disposed = input.disposition
        ? await this.amendments.dispose(uow.manager, draft, input.disposition, () => randomUUID())
        : null;
      const text = disposed
        ? await this.amendments.dispositionText(uow.manager, draft, input, disposed.content)
        : input;
      const number = await this.revisions.store(uow, draft, text);
      await this.amendments.recordRound(
        uow,
        id,
        draft.current_revision,
        number,
        disposed?.outcomes ?? null,
      );
      // Delegations are told of new texts once review is under way, not of a proposal's drafts.
      if (change.to === 'UNDER_SOC_REVIEW') {
        const notice = { kind: 'revision', revision: number, reopened: change.reopens } as const;
        await this.announcer.tell(uow, notice, input.title ?? draft.title);
      }
      await this.announcer.show(uow, { type: 'revision', revision: number });
      return this.queries.viewIn(uow.manager, principal, id);
    });
  }
}

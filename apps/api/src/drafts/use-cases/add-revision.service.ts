import { Inject, Injectable } from '@nestjs/common';
import { decideRevision, unwrap } from '@chancery/domain';
import { DraftWriteRepository, draftFacts } from '@chancery/persistence';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { DraftQueriesService } from '../draft-queries.service';
import type { CreateRevisionDto } from '../drafts.dto';
import { applyDraftChange } from './draft-change';
import { RevisionStore } from './revision-store';

/** POST /api/drafts/:id/revisions: new text, a new round of positions (If-Match required). */
@Injectable()
export class AddRevisionService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(RevisionStore) private readonly revisions: RevisionStore,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
  ) {}

  execute(principal: Principal, id: string, input: CreateRevisionDto, ifMatch: string | undefined) {
    return this.transactions.onDraft(principal, id, { ifMatch, required: true }, async (uow) => {
      const { draft } = uow;
      const change = unwrap(
        decideRevision({ draft: draftFacts(draft), actor: principal, reason: input.reason }),
      );
      // Consensus was on the old text: it is cleared before the new text takes its place.
      await applyDraftChange(uow, this.writes, change, {
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
      await this.revisions.store(uow, draft, input);
      return this.queries.viewIn(uow.manager, principal, id);
    });
  }
}

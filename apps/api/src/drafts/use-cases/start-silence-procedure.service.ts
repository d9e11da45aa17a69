import { Inject, Injectable } from '@nestjs/common';
import { decideStartSilence, unwrap } from '@chancery/domain';
import { DraftRepository, DraftWriteRepository, draftFacts } from '@chancery/persistence';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { DraftQueriesService } from '../draft-queries.service';
import { consensusOf } from '../draft-views';
import type { SilenceProcedureDto } from '../drafts.dto';
import { DraftAnnouncer } from '../../notifications/draft-announcer';

/** POST /api/drafts/:id/silence-procedure: the chair's deadline for objections (If-Match). */
@Injectable()
export class StartSilenceProcedureService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
  ) {}

  execute(
    principal: Principal,
    id: string,
    input: SilenceProcedureDto,
    ifMatch: string | undefined,
  ) {
    return this.transactions.onDraft(principal, id, { ifMatch, required: true }, async (uow) => {
      const { draft, manager, now } = uow;
      const snapshot = (await this.drafts.snapshot(manager, id, draft))!;
      const { deadline } = unwrap(
        decideStartSilence({
          draft: draftFacts(draft),
          actor: principal,
          deadline: new Date(input.deadline),
          now,
          running: snapshot.silence?.status === 'running',
          consensus: consensusOf(snapshot, now),
        }),
      );
      await this.writes.startSilence(manager, {
        draftId: id,
        revision: draft.current_revision,
        deadline,
        startedBy: principal.userId,
        now,
      });
      await uow.audit('silence.started', {
        revision: draft.current_revision,
        deadline: deadline.toISOString(),
      });
      // The procedure is part of the draft's status as officials read it: its ETag moves.
      await uow.textOrStatusChanged();
      const revision = draft.current_revision;
      await this.announcer.tell(uow, { kind: 'silence-started', revision, deadline });
      await this.announcer.show(uow, { type: 'silence', status: 'running' });
      return this.queries.viewIn(manager, principal, id);
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { decideStartSilence, silenceRunning, unwrap } from '@chancery/domain';
import { DraftRepository, DraftWriteRepository, draftFacts } from '@chancery/persistence';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { DraftQueriesService } from '../draft-queries.service';
import { consensusOf } from '../draft-views';
import type { SilenceProcedureDto } from '../drafts.dto';
import { DraftAnnouncer } from '../../notifications/draft-announcer';
import { SilenceDeadlines } from '../silence-deadlines';

/** POST /api/drafts/:id/silence-procedure: the chair's deadline for objections (If-Match). */
@Injectable()
export class StartSilenceProcedureService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
    @Inject(SilenceDeadlines) private readonly deadlines: SilenceDeadlines,
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
          running: silenceRunning(snapshot.silence),
          consensus: consensusOf(snapshot, now),
        }),
      );
      const procedureId = await this.writes.startSilence(manager, {
        draftId: id,
        revision: draft.current_revision,
        deadline,
        startedBy: principal.userId,
        now,
      });
      // The deadline is a job in this same transaction: no procedure without its deadline.
      await this.deadlines.schedule(uow, { id: procedureId, draftId: id, deadline });
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

import { Inject, Injectable } from '@nestjs/common';
import {
  adoptionVersionsRefusal,
  decideTransition,
  isAdoptionRule,
  unwrap,
} from '@chancery/domain';
import {
  DraftRepository,
  DraftWriteRepository,
  LanguageRepository,
  draftFacts,
} from '@chancery/persistence';
import { TranslationsService } from '../../translations/translations.service';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { invalid } from '../../common/app-error';
import { DraftQueriesService } from '../draft-queries.service';
import { consensusOf } from '../draft-views';
import type { TransitionDto } from '../drafts.dto';
import { applyDraftChange } from './draft-change';
import { SilenceDeadlines } from '../silence-deadlines';
import { DraftAnnouncer } from '../../notifications/draft-announcer';

/** POST /api/drafts/:id/transitions: submit, declare consensus, adopt, reopen, withdraw. */
@Injectable()
export class TransitionDraftService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
    @Inject(SilenceDeadlines) private readonly deadlines: SilenceDeadlines,
    @Inject(TranslationsService) private readonly translations: TranslationsService,
  ) {}

  execute(principal: Principal, id: string, input: TransitionDto, ifMatch: string | undefined) {
    return this.transactions.onDraft(principal, id, { ifMatch, required: true }, async (uow) => {
      const { draft, manager } = uow;
      const meeting = input.meetingId
        ? await this.drafts.meetingFacts(manager, input.meetingId)
        : null;
      if (input.meetingId && !meeting) {
        throw invalid('meetingId', `No meeting has the id ${input.meetingId}.`, 'UNKNOWN_MEETING');
      }
      const snapshot = (await this.drafts.snapshot(manager, id, draft))!;
      const change = unwrap(
        decideTransition({
          draft: draftFacts(draft),
          action: input.action,
          actor: principal,
          reason: input.reason,
          consensus: consensusOf(snapshot, uow.now),
          meeting,
          now: uow.now,
        }),
      );
      // The forum's setting decides whether adoption waits for every language version; either
      // way the record says where each stood.
      const versions =
        input.action === 'adopt' ? await this.translations.statusesIn(manager, draft) : [];
      if (input.action === 'adopt') {
        const rule = await new LanguageRepository().adoptionRule(manager);
        const refusal = adoptionVersionsRefusal(isAdoptionRule(rule) ? rule : 'original', versions);
        if (refusal) throw refusal;
      }
      await applyDraftChange(uow, this.writes, this.deadlines, change, {
        actorId: principal.userId,
        revision: draft.current_revision,
        meetingId: input.meetingId ?? null,
        cancelledBecause: `the draft moved to ${change.to}`,
      });
      await uow.audit(`draft.${input.action}`, {
        from: change.from,
        to: change.to,
        revision: draft.current_revision,
        ...(change.method ? { method: change.method } : {}),
        ...(change.reason ? { reason: change.reason } : {}),
        ...(input.meetingId ? { meetingId: input.meetingId } : {}),
        ...(input.action === 'adopt'
          ? {
              adoptedIn: draft.language,
              languageVersions: versions.map((v) => ({ language: v.language, status: v.status })),
            }
          : {}),
      });
      const revision = draft.current_revision;
      if (input.action === 'submit')
        await this.announcer.tell(uow, { kind: 'under-review', revision });
      if (change.to === 'CONSENSUS') {
        const method = change.method ?? 'explicit';
        await this.announcer.tell(uow, { kind: 'consensus', revision, method });
      }
      if (change.to === 'ADOPTED' && input.meetingId)
        await this.announcer.tellAdoption(uow, revision, input.meetingId);
      await this.announcer.show(uow, { type: 'status', status: change.to });
      return this.queries.viewIn(manager, principal, id);
    });
  }
}

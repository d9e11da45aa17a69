import { Inject, Injectable } from '@nestjs/common';
import { decidePosition, unwrap } from '@chancery/domain';
import { DraftRepository, DraftWriteRepository, draftFacts } from '@chancery/persistence';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { AppError } from '../../common/app-error';
import { versionEtag } from '../../common/etag';
import type { PositionDto } from '../drafts.dto';
import { DraftAnnouncer } from '../../notifications/draft-announcer';
import { SilenceSettlement } from './silence-settlement';

/**
 * PUT /api/drafts/:id/positions/:stateCode. A position binds to the revision it names (or the
 * current one): it does not move the draft's ETag, so 28 delegations answering at once never
 * starve the secretariat's next revision. If-Match is honoured when sent.
 */
@Injectable()
export class RecordPositionService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(SilenceSettlement) private readonly silence: SilenceSettlement,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
  ) {}

  execute(
    principal: Principal,
    id: string,
    stateCode: string,
    input: PositionDto,
    ifMatch: string | undefined,
  ) {
    return this.transactions.onDraft(principal, id, { ifMatch, required: false }, async (uow) => {
      const { draft, manager, now } = uow;
      // A position given on a text that has since been revised must not count for the new one.
      if (input.revision !== undefined && input.revision !== draft.current_revision) {
        throw new AppError(
          'REVISION_SUPERSEDED',
          `This position was given on revision ${input.revision}, but revision ${draft.current_revision} is now under consideration. Read it and give the position again.`,
          { field: 'revision', facts: { given: input.revision, current: draft.current_revision } },
        );
      }
      const code = stateCode.toUpperCase();
      const members = await this.drafts.memberStates(manager);
      const member = members.find((m) => m.code === code);
      const revision =
        draft.current_revision > 0
          ? await this.drafts.revision(manager, id, draft.current_revision)
          : null;
      const outcome = unwrap(
        decidePosition({
          draft: draftFacts(draft),
          actor: principal,
          stateCode: code,
          member,
          input,
          content: revision?.content ?? { title: draft.title, preamble: [], operative: [] },
          now,
        }),
      );
      await this.writes.recordPosition(manager, {
        draftId: id,
        revision: draft.current_revision,
        participantId: member!.id,
        stance: outcome.stance,
        text: outcome.text,
        paragraphs: outcome.paragraphs,
        onBehalf: outcome.onBehalf,
        recordedBy: principal.userId,
        recordedAt: now,
      });
      await uow.audit('position.recorded', {
        state: code,
        revision: draft.current_revision,
        stance: outcome.stance,
        ...(outcome.text ? { text: outcome.text } : {}),
        ...(outcome.paragraphs.length > 0 ? { paragraphs: outcome.paragraphs } : {}),
        ...(outcome.onBehalf ? { onBehalf: true, receivedBy: 'note verbale' } : {}),
      });
      await this.announcer.show(uow, {
        type: 'position',
        revision: draft.current_revision,
        stateCode: code,
        stance: outcome.stance,
      });
      if (outcome.stance === 'objection') await this.silence.settle(uow);
      return {
        draftId: id,
        revision: draft.current_revision,
        stateCode: code,
        stance: outcome.stance,
        text: outcome.text,
        paragraphs: outcome.paragraphs,
        onBehalf: outcome.onBehalf,
        recordedAt: now.toISOString(),
        recordedBy: principal.displayName,
        etag: versionEtag(id, draft.version),
      };
    });
  }
}

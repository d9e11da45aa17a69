import { Inject, Injectable } from '@nestjs/common';
import { DomainError, decideRegistration, formatDocumentSymbol, unwrap } from '@chancery/domain';
import { WorkingLanguages } from '../../languages/working-languages';
import { DraftRepository, DraftWriteRepository } from '@chancery/persistence';
import { TransactionRunner } from '../../application/transaction-runner';
import type { Principal } from '../../auth/principal';
import { invalid } from '../../common/app-error';
import { DraftQueriesService } from '../draft-queries.service';
import type { CreateDraftDto } from '../drafts.dto';
import { RevisionStore } from './revision-store';

/** POST /api/drafts: a new draft with its generated symbol, and its first text if given. */
@Injectable()
export class RegisterDraftService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(RevisionStore) private readonly revisions: RevisionStore,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(WorkingLanguages) private readonly languages: WorkingLanguages,
  ) {}

  execute(principal: Principal, input: CreateDraftDto) {
    if (!this.languages.find(input.language)) {
      throw new DomainError(
        'UNKNOWN_LANGUAGE',
        `"${input.language}" is not a working language of the forum (${this.languages.codes.join(', ')}).`,
        {
          field: 'language',
          facts: { language: input.language, workingLanguages: this.languages.codes },
        },
      );
    }
    return this.transactions.write(principal, async (uow) => {
      const { manager } = uow;
      const body = await this.writes.body(manager, input.adoptingBodyCode);
      if (!body) {
        throw invalid(
          'adoptingBodyCode',
          `There is no body with the code ${JSON.stringify(input.adoptingBodyCode)}.`,
          'UNKNOWN_BODY',
        );
      }
      const meeting = input.meetingId ? await this.writes.meeting(manager, input.meetingId) : null;
      if (input.meetingId && !meeting) {
        throw invalid('meetingId', `No meeting has the id ${input.meetingId}.`, 'UNKNOWN_MEETING');
      }
      const members = await this.drafts.memberStates(manager);
      const penholderCode = input.penholder.toUpperCase();
      const penholder = members.find((m) => m.code === penholderCode);
      unwrap(
        decideRegistration({
          actor: principal,
          type: input.type,
          adoptingBody: { code: body.code, adopts: body.adopts },
          penholder,
          penholderCode,
          meeting: meeting ? { bodyCode: meeting.body_code } : null,
          now: uow.now,
        }),
      );
      const documentNumber = await this.writes.nextDocumentNumber(
        manager,
        body.id,
        meeting?.id ?? null,
      );
      const symbol = formatDocumentSymbol({
        forum: await this.writes.forumAcronym(manager),
        bodyCode: body.code,
        session: meeting?.sequence ?? null,
        documentNumber,
      });
      const id = await this.writes.insertDraft(manager, {
        symbol,
        documentNumber,
        type: input.type,
        title: input.title,
        language: input.language,
        adoptingBodyId: body.id,
        meetingId: meeting?.id ?? null,
        penholderId: penholder!.id,
        createdBy: principal.userId,
      });
      await uow.audit(
        'draft.registered',
        {
          symbol,
          type: input.type,
          title: input.title,
          adoptingBody: body.code,
          penholder: penholderCode,
        },
        id,
      );
      if ((input.preamble?.length ?? 0) + (input.operative?.length ?? 0) > 0) {
        const draft = (await this.drafts.find(manager, id))!;
        await this.revisions.store(uow, draft, {
          preamble: input.preamble ?? [],
          operative: input.operative ?? [],
        });
      }
      return this.queries.viewIn(manager, principal, id);
    });
  }
}

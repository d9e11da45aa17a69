import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { buildRevisionContent, findOpenBrackets, revisionSymbol } from '@chancery/domain';
import { type DraftRow, DraftRepository, DraftWriteRepository } from '@chancery/persistence';
import type { UnitOfWork } from '../../application/transaction-runner';
import { TranslationsService } from '../../translations/translations.service';

export interface RevisionText {
  title?: string;
  preamble: { id?: string; text: string }[];
  operative: { id?: string; text: string }[];
  note?: string;
}

/** Stores the next revision of a draft with its audit entry (register-draft, add-revision). */
@Injectable()
export class RevisionStore {
  constructor(
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(DraftWriteRepository) private readonly writes: DraftWriteRepository,
    @Inject(TranslationsService) private readonly translations: TranslationsService,
  ) {}

  async store(uow: UnitOfWork, draft: DraftRow, input: RevisionText): Promise<number> {
    const previous =
      draft.current_revision > 0
        ? await this.drafts.revision(uow.manager, draft.id, draft.current_revision)
        : null;
    const content = buildRevisionContent(
      previous?.content ?? null,
      {
        title: input.title ?? (previous ? undefined : draft.title),
        preamble: input.preamble,
        operative: input.operative,
      },
      () => randomUUID(),
    );
    const number = draft.current_revision + 1;
    await this.writes.insertRevision(uow.manager, {
      draftId: draft.id,
      number,
      content,
      note: input.note ?? null,
      createdBy: uow.actor!.userId,
      createdAt: uow.now,
    });
    await uow.audit(
      'revision.added',
      {
        revision: number,
        symbol: revisionSymbol(draft.symbol, number),
        preambular: content.preamble.length,
        operative: content.operative.length,
        openBrackets: findOpenBrackets(content).length,
        ...(input.note ? { note: input.note } : {}),
      },
      draft.id,
    );
    // The language versions follow the text: unchanged paragraphs carry over, the rest outdated.
    if (previous)
      await this.translations.carryOver(
        uow,
        draft,
        previous.content,
        content,
        number,
        uow.actor!.userId,
      );
    return number;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  type Language,
  type RevisionContent,
  type TranslationContent,
  carryTranslation,
  checkTranslation,
  translationLanguageRefusal,
  translationState,
  translatorRefusal,
} from '@chancery/domain';
import {
  type DraftRow,
  DraftRepository,
  LanguageRepository,
  type TranslationRow,
} from '@chancery/persistence';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type UnitOfWork } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { WorkingLanguages } from '../languages/working-languages';
import type { PutTranslationDto } from './translations.dto';

function refuseIf(error: Error | null): void {
  if (error) throw error;
}

const contentOf = (row: TranslationRow | null): TranslationContent | null =>
  row ? { title: row.title, titleOutdated: row.titleOutdated, paragraphs: row.paragraphs } : null;

/**
 * The language versions of a draft's revisions (DESIGN, "Language versions"): entered by the
 * secretariat paragraph for paragraph, carried over to each new revision by `carryOver`.
 */
@Injectable()
export class TranslationsService {
  private readonly languages = new LanguageRepository();

  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(WorkingLanguages) private readonly working: WorkingLanguages,
  ) {}

  /** PUT /api/drafts/:id/revisions/:n/translations/:lang: the whole version, checked against the original. */
  put(
    principal: Principal,
    draftId: string,
    number: number,
    language: string,
    input: PutTranslationDto,
  ) {
    return this.transactions.onDraft(
      principal,
      draftId,
      { ifMatch: undefined, required: false },
      async (uow) => {
        const { draft, manager } = uow;
        refuseIf(translatorRefusal(principal));
        refuseIf(translationLanguageRefusal(this.working.codes, draft.language, language));
        const revision = await this.revisionContent(manager, draft, number);
        // A version of a superseded text would be carried nowhere: only the current one is kept.
        if (number !== draft.current_revision) {
          throw new AppError(
            'REVISION_SUPERSEDED',
            `Revision ${number} has been superseded by revision ${draft.current_revision}: enter the ${language} version of the current one.`,
            { field: 'n', facts: { revision: number, currentRevision: draft.current_revision } },
          );
        }
        const content = checkTranslation(revision, input, language);
        const before = contentOf(
          await this.languages.translation(manager, draftId, number, language),
        );
        const version = await this.languages.store(manager, {
          ...content,
          draftId,
          revisionNumber: number,
          language,
          updatedBy: principal.userId,
          updatedAt: uow.now,
        });
        const redone = before
          ? translationState(revision, before).outdatedParagraphs
          : content.paragraphs.map((p) => p.id);
        await uow.audit('translation.entered', {
          revision: number,
          language,
          version,
          paragraphs: content.paragraphs.length,
          redone,
        });
        return this.viewIn(manager, draft, number, language);
      },
    );
  }

  /** GET …/revisions/:n/translations/:lang: the version beside its original, paragraph by paragraph. */
  get(draftId: string, number: number, language: string) {
    return this.transactions.read(async (manager) => {
      const draft = await this.drafts.find(manager, draftId);
      if (!draft) throw notFound('Draft', draftId, 'id');
      refuseIf(translationLanguageRefusal(this.working.codes, draft.language, language));
      return this.viewIn(manager, draft, number, language);
    });
  }

  /** GET /api/drafts/:id/translations: where every other working language stands on the current revision. */
  statuses(draftId: string) {
    return this.transactions.read(async (manager) => {
      const draft = await this.drafts.find(manager, draftId);
      if (!draft) throw notFound('Draft', draftId, 'id');
      return this.statusesIn(manager, draft);
    });
  }

  /** The same inside a use case's transaction (adoption reads it under the draft's lock). */
  async statusesIn(manager: EntityManager, draft: DraftRow) {
    const number = draft.current_revision;
    const others = this.working.codes.filter((code) => code !== draft.language);
    if (number < 1)
      return others.map((language) => ({
        language,
        revision: number,
        status: 'missing' as const,
        outdatedParagraphs: [],
        titleOutdated: true,
      }));
    return this.statusesOf(manager, draft, await this.revisionContent(manager, draft, number));
  }

  /** The same for a current revision already read (the desk's draft page: one query). */
  async statusesOf(manager: EntityManager, draft: DraftRow, revision: RevisionContent) {
    const number = draft.current_revision;
    const others = this.working.codes.filter((code) => code !== draft.language);
    const rows = await this.languages.translations(manager, draft.id, number);
    return others.map((language) => {
      const state = translationState(
        revision,
        contentOf(rows.find((row) => row.language === language) ?? null),
      );
      return { language, revision: number, ...state };
    });
  }

  /**
   * Called as a new revision is stored: every version of the previous revision carries over,
   * unchanged paragraphs as they were, changed ones marked outdated, new ones absent.
   */
  async carryOver(
    uow: UnitOfWork,
    draft: DraftRow,
    previous: RevisionContent,
    next: RevisionContent,
    number: number,
    by: string,
  ) {
    const rows = await this.languages.translations(uow.manager, draft.id, number - 1);
    for (const row of rows) {
      const carried = carryTranslation(previous, next, contentOf(row)!);
      await this.languages.store(uow.manager, {
        ...carried,
        draftId: draft.id,
        revisionNumber: number,
        language: row.language,
        updatedBy: by,
        updatedAt: uow.now,
      });
      const state = translationState(next, carried);
      await uow.audit(
        'translation.carried',
        {
          revision: number,
          language: row.language,
          status: state.status,
          outdatedParagraphs: state.outdatedParagraphs,
        },
        draft.id,
      );
    }
  }

  private async revisionContent(manager: EntityManager, draft: DraftRow, number: number) {
    const revision = await this.drafts.revision(manager, draft.id, number);
    if (!revision) throw notFound(`Revision of ${draft.symbol}`, String(number), 'n');
    return revision.content;
  }

  private async viewIn(
    manager: EntityManager,
    draft: DraftRow,
    number: number,
    language: Language,
  ) {
    const original = await this.revisionContent(manager, draft, number);
    const row = await this.languages.translation(manager, draft.id, number, language);
    const content = contentOf(row);
    const state = translationState(original, content);
    const byId = new Map((content?.paragraphs ?? []).map((p) => [p.id, p]));
    const paragraphs = (list: RevisionContent['preamble']) =>
      list.map((p) => ({
        id: p.id,
        text: byId.get(p.id)?.text ?? null,
        original: p.text,
        outdated: byId.get(p.id)?.outdated ?? true,
      }));
    return {
      draftId: draft.id,
      symbol: draft.symbol,
      revision: number,
      currentRevision: draft.current_revision,
      language,
      original: draft.language,
      status: state.status,
      title: content?.title ?? null,
      originalTitle: original.title,
      titleOutdated: state.titleOutdated,
      preamble: paragraphs(original.preamble),
      operative: paragraphs(original.operative),
      outdatedParagraphs: state.outdatedParagraphs,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      updatedBy: row?.updated_by_name ?? null,
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { availableActions } from '@chancery/domain';
import { DraftRepository, draftFacts } from '@chancery/persistence';
import { CLOCK, type Clock } from '../application/clock';
import { TransactionRunner } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { auditEntryView, consensusOf, draftView, revisionView } from '../drafts/draft-views';
import { MeetingsService } from '../meetings/meetings.service';
import { WorkingLanguages } from '../languages/working-languages';
import { TranslationsService } from '../translations/translations.service';
import { judgementOf } from './desk-judgement';
import { DeskAmendmentsService } from './desk-amendments.service';
import type { Translator } from './i18n/desk-i18n';
import { compareView, draftPageView } from './draft-page-view';

/**
 * The draft page and the comparison of two revisions. Each reads the draft's snapshot once,
 * in one read-only transaction, and asks the domain which controls this official gets
 * (availableActions, decidePosition, decideRevision, decideStartSilence); the use cases
 * decide again when a form is sent.
 */
@Injectable()
export class DeskDraftService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(DraftRepository) private readonly repository: DraftRepository,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DeskAmendmentsService) private readonly amendments: DeskAmendmentsService,
    @Inject(WorkingLanguages) private readonly languages: WorkingLanguages,
    @Inject(TranslationsService) private readonly translations: TranslationsService,
  ) {}

  page(principal: Principal, id: string, t: Translator, options: { revision?: number } = {}) {
    return this.transactions.read(async (manager) => {
      const now = this.clock.now();
      const snapshot = await this.queries.snapshot(manager, id);
      const revisionRows = await this.repository.revisions(manager, id);
      const auditRows = await this.repository.audit(manager, id);
      const meetings = await this.meetings.list(
        { bodyCode: snapshot.draft.adopting_body_code },
        manager,
      );
      const draft = draftView(snapshot, principal, now);
      const revisions = revisionRows.map((r) => revisionView(snapshot.draft, r));
      const audit = auditRows.map(auditEntryView);
      const judgement = judgementOf(snapshot);
      const current = revisions.find((r) => r.number === draft.currentRevision) ?? null;
      const amendments = await this.amendments.panel(
        manager,
        principal,
        snapshot.draft,
        current,
        t,
      );
      const status = consensusOf(snapshot, now);
      // The same question draftView asked, kept with its codes and facts for the page's language.
      const refusals = new Map(
        availableActions({
          draft: draftFacts(snapshot.draft),
          actor: principal,
          consensus: status,
          now,
          meeting: snapshot.meeting,
        }).flatMap((a) => (a.refusal ? [[a.action, a.refusal] as const] : [])),
      );
      // One query: where each other working language stands on the current revision.
      const versions = snapshot.revision
        ? await this.translations.statusesOf(manager, snapshot.draft, snapshot.revision.content)
        : [];
      return draftPageView(principal, id, options, now, t, {
        versions,
        draft,
        revisions,
        audit,
        meetings,
        judgement,
        status,
        positions: snapshot.positions,
        amendments,
        refusals,
        languages: this.languages.codes,
      });
    });
  }

  compare(id: string, fromNumber: number, toNumber: number, t: Translator) {
    return this.transactions.read(async (manager) => {
      const row = await this.repository.find(manager, id);
      if (!row) throw notFound('Draft', id, 'id');
      const revisions = (await this.repository.revisions(manager, id)).map((r) =>
        revisionView(row, r),
      );
      const numbered = (n: number) => {
        const found = revisions.find((r) => r.number === n);
        if (!found) throw notFound(`Revision of ${row.symbol}`, String(n), 'n');
        return found;
      };
      return compareView(
        id,
        row.symbol,
        row.title,
        numbered(fromNumber),
        numbered(toNumber),
        revisions,
        t,
      );
    });
  }
}

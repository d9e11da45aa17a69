import { Inject, Injectable } from '@nestjs/common';
import {
  type DispositionInput,
  type DispositionResult,
  type RevisionContent,
  DomainError,
  applyDisposition,
  paragraphIndex,
  decideProposal,
  decideSponsorship,
  decideWithdrawal,
  unwrap,
} from '@chancery/domain';
import type { EntityManager } from 'typeorm';
import {
  type DraftUnitOfWork,
  TransactionRunner,
  type UnitOfWork,
} from '../application/transaction-runner';
import { DraftAnnouncer } from '../notifications/draft-announcer';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import {
  AmendmentRepository,
  type AmendmentRow,
  type DraftRow,
  DraftRepository,
  draftFacts,
  amendmentFacts,
  amendmentRecord,
  amendmentStatus,
} from '@chancery/persistence';
import type { ProposeAmendmentDto } from './amendments.dto';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

export function amendmentView(row: AmendmentRow) {
  return {
    id: row.id,
    number: row.number,
    stateCode: row.state_code,
    stateName: row.state_name,
    sponsors: row.sponsors,
    revision: row.revision_number,
    status: amendmentStatus(row),
    changes: row.changes,
    note: row.note,
    onBehalf: row.on_behalf,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    withdrawnAt: iso(row.withdrawn_at),
    outcome:
      row.outcome !== null
        ? { outcome: row.outcome, revision: row.outcome_revision!, decidedAt: iso(row.decided_at)! }
        : null,
  };
}
export type AmendmentView = ReturnType<typeof amendmentView>;

/**
 * Amendments' use cases. Each write is one transaction under the draft's row lock (so an
 * amendment cannot slip in while the next revision disposes of the round), but none moves the
 * draft's ETag: amendments, like positions, never conflict with the secretariat's next revision.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(AmendmentRepository) private readonly amendments: AmendmentRepository,
    @Inject(DraftAnnouncer) private readonly announcer: DraftAnnouncer,
  ) {}

  list(draftId: string, revision?: number): Promise<AmendmentView[]> {
    return this.transactions.read(async (manager) => {
      if (!(await this.drafts.find(manager, draftId))) throw notFound('Draft', draftId, 'id');
      return (await this.amendments.list(manager, draftId, revision)).map(amendmentView);
    });
  }

  /** Amendments bind to the revision they name: the draft is locked, its ETag left alone. */
  private onDraft<T>(
    principal: Principal,
    draftId: string,
    work: (uow: DraftUnitOfWork) => Promise<T>,
  ): Promise<T> {
    return this.transactions.onDraft(
      principal,
      draftId,
      { ifMatch: undefined, required: false },
      work,
    );
  }

  async propose(principal: Principal, draftId: string, input: ProposeAmendmentDto) {
    return this.onDraft(principal, draftId, (uow) => this.proposeIn(uow, principal, input));
  }

  /**
   * Several amendments of one state in one transaction (a Word copy with tracked changes, or
   * its confirmation on the desk): all are stored, or none, in the order given.
   */
  async proposeSeveral(
    principal: Principal,
    draftId: string,
    input: {
      revision: number;
      stateCode: string;
      amendments: readonly { changes: ProposeAmendmentDto['changes']; note?: string }[];
      source?: Record<string, unknown>;
    },
  ): Promise<AmendmentView[]> {
    return this.onDraft(principal, draftId, async (uow) => {
      const views: AmendmentView[] = [];
      for (const amendment of input.amendments) {
        const proposal = { revision: input.revision, stateCode: input.stateCode, ...amendment };
        views.push(await this.proposeIn(uow, principal, proposal, input.source));
      }
      return views;
    });
  }

  /** One proposal inside the caller's unit of work (which holds the draft's row lock). */
  async proposeIn(
    uow: DraftUnitOfWork,
    principal: Principal,
    input: ProposeAmendmentDto,
    source?: Record<string, unknown>,
  ): Promise<AmendmentView> {
    const { draft, manager, now } = uow;
    const code = input.stateCode.toUpperCase();
    const members = await this.drafts.memberStates(manager);
    const member = members.find((m) => m.code === code);
    const revision = await this.currentContent(manager, draft);
    const proposed = unwrap(
      decideProposal({
        draft: draftFacts(draft),
        actor: principal,
        stateCode: code,
        member,
        revision: input.revision,
        content: revision,
        input: { changes: input.changes, note: input.note },
        now,
      }),
    );
    const { id, number } = await this.amendments.insert(manager, {
      draftId: draft.id,
      revision: draft.current_revision,
      participantId: member!.id,
      changes: proposed.changes,
      note: proposed.note,
      onBehalf: proposed.onBehalf,
      userId: principal.userId,
      now,
    });
    await uow.audit('amendment.proposed', {
      number,
      state: code,
      revision: draft.current_revision,
      changes: proposed.changes,
      ...(proposed.note ? { note: proposed.note } : {}),
      ...(proposed.onBehalf ? { onBehalf: true, receivedBy: 'note verbale' } : {}),
      ...(source ? { source } : {}),
    });
    // The penholder's delegates hear of wording proposed on their text; live pages refresh.
    await this.announcer.tell(uow, {
      kind: 'amendment',
      revision: draft.current_revision,
      proposedBy: code,
    });
    await this.announcer.show(uow, { type: 'amendment', number, state: code, change: 'proposed' });
    return amendmentView(await this.existing(manager, draft.id, id));
  }

  private async existing(
    manager: EntityManager,
    draftId: string,
    amendmentId: string,
  ): Promise<AmendmentRow> {
    const row = await this.amendments.find(manager, draftId, amendmentId);
    if (!row) throw notFound('Amendment', amendmentId, 'amendmentId');
    return row;
  }

  async sponsor(
    principal: Principal,
    draftId: string,
    amendmentId: string,
    stateCode: string,
    join: boolean,
  ) {
    return this.onDraft(principal, draftId, async (uow) => {
      const { draft, manager, now } = uow;
      const amendment = await this.existing(manager, draftId, amendmentId);
      const code = stateCode.toUpperCase();
      const member = (await this.drafts.memberStates(manager)).find((m) => m.code === code);
      const outcome = unwrap(
        decideSponsorship({
          draft: draftFacts(draft),
          actor: principal,
          stateCode: code,
          member,
          amendment: amendmentFacts(amendment),
          join,
          now,
        }),
      );
      if (outcome.changed) {
        if (join)
          await this.amendments.addSponsor(manager, amendmentId, member!.id, outcome.onBehalf, now);
        else await this.amendments.removeSponsor(manager, amendmentId, member!.id);
        await uow.audit(join ? 'amendment.sponsored' : 'amendment.unsponsored', {
          number: amendment.number,
          state: code,
          sponsors: outcome.sponsors,
          ...(outcome.onBehalf ? { onBehalf: true, receivedBy: 'note verbale' } : {}),
        });
        await this.announcer.show(uow, {
          type: 'amendment',
          number: amendment.number,
          state: code,
          change: join ? 'sponsored' : 'unsponsored',
        });
      }
      return amendmentView(await this.existing(manager, draftId, amendmentId));
    });
  }

  async withdraw(principal: Principal, draftId: string, amendmentId: string) {
    return this.onDraft(principal, draftId, async (uow) => {
      const { draft, manager, now } = uow;
      const amendment = await this.existing(manager, draftId, amendmentId);
      const member = (await this.drafts.memberStates(manager)).find(
        (m) => m.code === amendment.state_code,
      );
      const { onBehalf } = unwrap(
        decideWithdrawal({
          draft: draftFacts(draft),
          actor: principal,
          member,
          amendment: amendmentFacts(amendment),
          now,
        }),
      );
      await this.amendments.withdraw(manager, amendmentId, principal.userId, now);
      await uow.audit('amendment.withdrawn', {
        number: amendment.number,
        state: amendment.state_code,
        ...(onBehalf ? { onBehalf: true } : {}),
      });
      await this.announcer.show(uow, {
        type: 'amendment',
        number: amendment.number,
        state: amendment.state_code,
        change: 'withdrawn',
      });
      return amendmentView(await this.existing(manager, draftId, amendmentId));
    });
  }

  /**
   * The text a disposition makes of the current revision, and each amendment's outcome;
   * refused (UNKNOWN_AMENDMENT, CONFLICTING_AMENDMENTS…) as the domain decides. Used to post
   * the next revision and, read-only, for the chair's preview.
   */
  async dispose(
    manager: EntityManager,
    draft: DraftRow,
    disposition: DispositionInput,
    newId: () => string,
  ): Promise<DispositionResult> {
    const content = await this.currentContent(manager, draft);
    const round = await this.amendments.list(manager, draft.id, draft.current_revision);
    return unwrap(applyDisposition(content, round.map(amendmentRecord), disposition, newId));
  }

  /** The chair's preview: the next revision's text, computed and not stored. */
  preview(draftId: string, disposition: DispositionInput) {
    return this.transactions.read(async (manager) => {
      const draft = await this.drafts.find(manager, draftId);
      if (!draft) throw notFound('Draft', draftId, 'id');
      let n = 0;
      return this.dispose(manager, draft, disposition, () => `new-${++n}`);
    });
  }

  /**
   * Records what the revision just stored made of every amendment to the one before it:
   * the disposition's outcomes, or, for a revision posted without one, not retained (and
   * withdrawn for those withdrawn). Audited with the new revision.
   */
  async recordRound(
    uow: UnitOfWork,
    draftId: string,
    previousRevision: number,
    newRevision: number,
    outcomes: DispositionResult['outcomes'] | null,
  ): Promise<void> {
    const { manager, now } = uow;
    if (previousRevision < 1) return;
    const round = await this.amendments.list(manager, draftId, previousRevision);
    if (round.length === 0) return;
    const decided = new Map((outcomes ?? []).map((o) => [o.amendmentId, o.outcome]));
    const recorded = round.map((row) => ({
      amendmentId: row.id,
      number: row.number,
      state: row.state_code,
      outcome:
        decided.get(row.id) ??
        (row.withdrawn_at !== null ? 'withdrawn' : ('not-retained' as const)),
    }));
    await this.amendments.recordOutcomes(
      manager,
      draftId,
      newRevision,
      recorded,
      uow.actor!.userId,
      now,
    );
    await uow.audit(
      'amendments.disposed',
      {
        revision: newRevision,
        proposedOn: previousRevision,
        outcomes: recorded.map(({ number, state, outcome }) => ({ number, state, outcome })),
      },
      draftId,
    );
  }

  /**
   * The revision input a disposition produces: kept paragraphs name their ids, inserted ones
   * none (the revision store gives them fresh ids). Text the client sent alongside must be
   * the same, since the server computes it (DESIGN).
   */
  async dispositionText(
    manager: EntityManager,
    draft: DraftRow,
    input: {
      title?: string;
      preamble: { text: string }[];
      operative: { text: string }[];
      note?: string;
    },
    content: RevisionContent,
  ) {
    const known = new Set(paragraphIndex(await this.currentContent(manager, draft)).keys());
    const sent = [...input.preamble, ...input.operative].map((p) => p.text.trim());
    const computed = [...content.preamble, ...content.operative].map((p) => p.text);
    const titleDiffers = input.title !== undefined && input.title !== content.title;
    if (titleDiffers || (sent.length > 0 && JSON.stringify(sent) !== JSON.stringify(computed))) {
      throw new DomainError(
        'DISPOSITION_TEXT_MISMATCH',
        'The text sent is not the one the disposition produces; send the disposition alone and the server computes the text.',
        { field: titleDiffers ? 'title' : 'operative', facts: { expected: content } },
      );
    }
    const strip = (p: { id: string; text: string }) => (known.has(p.id) ? p : { text: p.text });
    return {
      preamble: content.preamble.map(strip),
      operative: content.operative.map(strip),
      note: input.note,
    };
  }

  async currentContent(manager: EntityManager, draft: DraftRow): Promise<RevisionContent> {
    if (draft.current_revision < 1) return { title: draft.title, preamble: [], operative: [] };
    const revision = await this.drafts.revision(manager, draft.id, draft.current_revision);
    if (!revision) throw notFound(`Revision of ${draft.symbol}`, String(draft.current_revision));
    return revision.content;
  }
}

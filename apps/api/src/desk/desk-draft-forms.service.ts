import { Inject, Injectable } from '@nestjs/common';
import type { DraftSnapshot } from '@chancery/persistence';
import { CLOCK, type Clock } from '../application/clock';
import { TransactionRunner } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/app-error';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { consensusView, draftView } from '../drafts/draft-views';
import type { PositionDto } from '../drafts/drafts.dto';
import { RecordPositionService } from '../drafts/use-cases/record-position.service';
import type { z } from 'zod';
import type { RevisionForm } from './desk-forms';
import { judgementOf, positionDecision, revising } from './desk-judgement';
import { formatInstant, localName, stanceLabel } from './desk-labels';
import { paragraphLabel } from './draft-view';
import type { Translator } from './i18n/desk-i18n';

/**
 * The forms on a draft's page: a state's position and the next revision. Each form is shown
 * only to whom the domain would let send it, with what it would refuse said beforehand.
 */
@Injectable()
export class DeskDraftFormsService {
  constructor(
    @Inject(TransactionRunner) private readonly transactions: TransactionRunner,
    @Inject(DraftQueriesService) private readonly queries: DraftQueriesService,
    @Inject(RecordPositionService) private readonly positions: RecordPositionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The position form of one state. Refused (403, 409…) as the recording itself would be:
   * a delegate asking for another state's form gets the domain's NOT_OWN_STATE.
   */
  positionForm(principal: Principal, id: string, stateCode: string, t: Translator) {
    return this.transactions.read(async (manager) => {
      const snapshot = await this.queries.snapshot(manager, id);
      return this.positionFormView(principal, snapshot, stateCode.toUpperCase(), t);
    });
  }

  private positionFormView(
    principal: Principal,
    snapshot: DraftSnapshot,
    code: string,
    t: Translator,
  ) {
    const id = snapshot.draft.id;
    const now = this.clock.now();
    const draft = draftView(snapshot, principal, now);
    const judgement = judgementOf(snapshot);
    const decision = positionDecision(principal, judgement, code, now);
    if (!decision.ok) throw decision.error;
    const standing =
      consensusView(snapshot, now).positions.find((p) => p.stateCode === code) ?? null;
    const member = judgement.members.find((m) => m.code === code);
    const name = member ? localName(member, t) : code;
    const revision = draft.revision!;
    const paragraph = (p: { id: string; text: string }, i: number, prefix: 'PP' | 'OP') => ({
      id: p.id,
      label: paragraphLabel(prefix, i + 1, t),
      text: p.text,
      checked: standing?.paragraphs.includes(p.id) ?? false,
    });
    return {
      draft: {
        id,
        symbol: draft.symbol,
        title: draft.title,
        href: `/desk/drafts/${id}`,
        etag: draft.etag,
      },
      state: { code, name },
      onBehalf: decision.value.onBehalf,
      revision: { number: revision.number, symbol: revision.symbol },
      paragraphs: [
        ...revision.preamble.map((p, i) => paragraph(p, i, 'PP')),
        ...revision.operative.map((p, i) => paragraph(p, i, 'OP')),
      ],
      standing: standing
        ? {
            word: stanceLabel(standing.stance, t).word,
            recordedAt: formatInstant(standing.recordedAt, t),
          }
        : null,
      stances: (['concur', 'reservation', 'objection'] as const).map((stance) => ({
        value: stance,
        label: t.t(`position.${stance}.label`),
        hint: t.t(`position.${stance}.hint`),
        word: t.t(`position.${stance}.word`),
        checked: standing?.stance === stance,
      })),
      text: standing?.text ?? '',
      action: `/desk/drafts/${id}/positions/${code}`,
    };
  }

  revisionForm(principal: Principal, id: string, t: Translator) {
    return this.transactions.read(async (manager) => {
      const snapshot = await this.queries.snapshot(manager, id);
      return this.revisionFormView(principal, snapshot, t);
    });
  }

  private revisionFormView(principal: Principal, snapshot: DraftSnapshot, t: Translator) {
    const id = snapshot.draft.id;
    const draft = draftView(snapshot, principal, this.clock.now());
    const revisingNow = revising(principal, judgementOf(snapshot));
    if (revisingNow.refusal) throw revisingNow.refusal;
    const revision = draft.revision;
    return {
      draft: {
        id,
        symbol: draft.symbol,
        title: draft.title,
        href: `/desk/drafts/${id}`,
        etag: draft.etag,
      },
      next: draft.currentRevision + 1,
      title: revision?.title ?? draft.title,
      preamble: (revision?.preamble ?? []).map((p, i) => ({
        id: p.id,
        text: p.text,
        label: paragraphLabel('PP', i + 1, t),
      })),
      operative: (revision?.operative ?? []).map((p, i) => ({
        id: p.id,
        text: p.text,
        label: paragraphLabel('OP', i + 1, t),
      })),
      note: '',
      reason: '',
      needsReason: revisingNow.needsReason,
    };
  }

  /**
   * Records a position filled in on revision `formRevision`. A position binds to the revision
   * it was given on, so the form must not outlive it; other delegations' positions do not
   * stand in its way (they do not move the draft's ETag).
   */
  async recordPosition(
    principal: Principal,
    id: string,
    stateCode: string,
    formRevision: number,
    input: PositionDto,
  ) {
    try {
      return await this.positions.execute(
        principal,
        id,
        stateCode,
        { ...input, revision: formRevision },
        undefined,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'REVISION_SUPERSEDED') throw error;
      const current = Number(error.details.facts?.current);
      throw new AppError(
        'STALE_FORM',
        `A new revision (${current}) was circulated after you opened this form on revision ${formRevision}. Read the new text and record the position again.`,
        { facts: { formRevision, currentRevision: current } },
      );
    }
  }
}

/** The revision form as the official filled it in, shown again after a refusal. */
export function keepRevisionInput(
  view: Awaited<ReturnType<DeskDraftFormsService['revisionForm']>>,
  form: z.infer<typeof RevisionForm>,
  t: Translator,
) {
  const part = (ids: string[], texts: string[], prefix: 'PP' | 'OP') =>
    texts.map((text, i) => ({
      id: ids[i] ?? '',
      text,
      label: ids[i] ? paragraphLabel(prefix, i + 1, t) : t.t('revise.newParagraph'),
    }));
  return {
    ...view,
    title: form.title ?? view.title,
    preamble: part(form.preambleId, form.preambleText, 'PP').filter(
      (p) => p.id !== '' || p.text.trim() !== '',
    ),
    operative: part(form.operativeId, form.operativeText, 'OP').filter(
      (p) => p.id !== '' || p.text.trim() !== '',
    ),
    note: form.note ?? '',
    reason: form.reason ?? '',
  };
}

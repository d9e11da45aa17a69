import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type DraftFacts,
  type RevisionContent,
  decidePosition,
  decideRevision,
  decideStartSilence,
  evaluateConsensus,
} from '@chancery/domain';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError, notFound } from '../common/app-error';
import { versionEtag } from '../common/etag';
import { DraftRepository, draftFacts } from '../drafts/draft.repository';
import type { PositionDto } from '../drafts/drafts.dto';
import { DraftsService } from '../drafts/drafts.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ReferenceService } from '../reference/reference.service';
import { meetingLabel } from './dashboard-view';
import { ACTION_LABELS, STANCE_LABELS, formatInstant, statusName, timeLeft } from './desk-labels';
import { auditView, compareRevisionsView, paragraphLabels, revisionTextView } from './draft-view';

const DAY_MS = 24 * 60 * 60 * 1000;
const POSITION_ATTEMPTS = 30;

type DraftView = Awaited<ReturnType<DraftsService['get']>>;

/** What the domain needs to judge what this official may do on the draft now. */
interface Judgement {
  facts: DraftFacts;
  members: Awaited<ReturnType<DraftRepository['memberStates']>>;
  content: RevisionContent;
}

/**
 * The draft page and its forms. It shows what the services answer and asks the domain which
 * controls this official gets (availableActions, decidePosition, decideRevision,
 * decideStartSilence); the services decide again when a form is sent.
 */
@Injectable()
export class DeskDraftService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DraftsService) private readonly drafts: DraftsService,
    @Inject(DraftRepository) private readonly repository: DraftRepository,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(ReferenceService) private readonly reference: ReferenceService,
  ) {}

  async page(
    principal: Principal,
    id: string,
    options: { revision?: number } = {},
    now = new Date(),
  ) {
    const draft = await this.drafts.get(principal, id);
    const [revisions, consensus, audit, participants, judgement, meetings] = await Promise.all([
      this.drafts.revisions(id),
      this.drafts.consensus(id),
      this.drafts.audit(id),
      this.reference.participants('member-state'),
      this.judgement(draft),
      this.meetings.list({ bodyCode: draft.adoptingBodyCode }),
    ]);
    const names = new Map(participants.map((p) => [p.code, p.name]));
    const shownNumber = options.revision ?? draft.currentRevision;
    const shown = revisions.find((r) => r.number === shownNumber);
    if (options.revision !== undefined && !shown)
      throw notFound(`Revision of ${draft.symbol}`, String(options.revision), 'revision');
    const current = revisions.find((r) => r.number === draft.currentRevision) ?? null;
    const labels = current ? paragraphLabels(current) : new Map<string, string>();

    const positions = consensus.positions;
    const byState = new Map(positions.map((p) => [p.stateCode, p]));
    const status = evaluateConsensus({
      members: judgement.members,
      positions: positions.map((p) => ({ ...p, recordedAt: new Date(p.recordedAt) })),
      content: draft.revision ? judgement.content : null,
      onDate: now,
    });
    const positionRows = status.memberStates.map((code) => {
      const position = byState.get(code) ?? null;
      const cell = STANCE_LABELS[position?.stance ?? 'none'];
      return {
        code,
        name: names.get(code) ?? code,
        stance: { css: cell.css, letter: cell.letter, word: cell.word },
        text: position?.text ?? null,
        paragraphs: (position?.paragraphs ?? []).map((pid) => labels.get(pid) ?? pid).join(', '),
        recordedAt: position ? formatInstant(position.recordedAt) : null,
        recordedBy: position ? position.recordedBy : null,
        onBehalf: position?.onBehalf ?? false,
        recordHref: this.mayRecord(principal, judgement, code, now)
          ? `/desk/drafts/${id}/positions/${code}`
          : null,
        own: principal.stateCode === code,
      };
    });
    const own = positionRows.find((row) => row.own && row.recordHref) ?? null;

    const silence = draft.silenceProcedure;
    const running = silence?.status === 'running';
    const silenceDecision = decideStartSilence({
      draft: judgement.facts,
      actor: principal,
      deadline: new Date(now.getTime() + 7 * DAY_MS),
      now,
      running,
      consensus: status,
    });
    // Refusals about who may act or where the draft stands hide the form; those about the
    // text or the positions (brackets, an objection) show it disabled, with the reason.
    const silenceHidden =
      !silenceDecision.ok &&
      [
        'ROLE_REQUIRED',
        'NOT_PENHOLDER',
        'DRAFT_CLOSED',
        'NOT_UNDER_REVIEW',
        'SILENCE_ALREADY_RUNNING',
      ].includes(silenceDecision.error.code);
    const revising = this.revising(principal, judgement);

    return {
      draft: {
        id: draft.id,
        symbol: draft.symbol,
        title: draft.title,
        type: draft.type,
        status: draft.status,
        statusName: statusName(draft.status),
        language: draft.language,
        penholder: { code: draft.penholder, name: names.get(draft.penholder) ?? draft.penholder },
        body: draft.adoptingBodyCode,
        meeting: this.meetingLink(draft.meetingId, meetings),
        currentRevision: draft.currentRevision,
        etag: draft.etag,
        consensus: draft.consensus
          ? {
              method: draft.consensus.method,
              revision: draft.consensus.revision,
              at: formatInstant(draft.consensus.at),
              by: draft.consensus.by,
            }
          : null,
        adoption: draft.adoption
          ? {
              at: formatInstant(draft.adoption.at),
              meeting: this.meetingLink(draft.adoption.meetingId, meetings),
            }
          : null,
        withdrawnAt: draft.withdrawnAt ? formatInstant(draft.withdrawnAt) : null,
      },
      text: shown ? revisionTextView(shown, draft.currentRevision) : null,
      revisions: revisions
        .map((r) => ({
          number: r.number,
          symbol: r.symbol,
          author: r.author,
          createdAt: formatInstant(r.createdAt),
          note: r.note,
          shown: r.number === shownNumber,
          href:
            r.number === draft.currentRevision
              ? `/desk/drafts/${id}`
              : `/desk/drafts/${id}?revision=${r.number}`,
          compareHref:
            r.number > 1 ? `/desk/drafts/${id}/compare?from=${r.number - 1}&to=${r.number}` : null,
          docx: this.textDownloads(id, r.number),
        }))
        .reverse(),
      compare: {
        possible: revisions.length >= 2,
        from: revisions.map((r) => ({
          value: r.number,
          label: `Revision ${r.number}`,
          selected: r.number === draft.currentRevision - 1,
        })),
        to: revisions.map((r) => ({
          value: r.number,
          label: `Revision ${r.number}`,
          selected: r.number === draft.currentRevision,
        })),
      },
      consensus: {
        reached: status.reached,
        concurred: status.concurred.length,
        reserved: status.reserved.length,
        objected: status.objected.length,
        notAnswered: status.notAnswered.length,
        memberStates: status.memberStates.length,
        openBrackets: status.openBrackets.length,
      },
      positions: positionRows,
      ownPosition: own ? { href: own.recordHref, code: own.code, name: own.name } : null,
      silence: silence
        ? {
            status: silence.status,
            running,
            revision: silence.revision,
            iso: silence.deadline,
            at: formatInstant(silence.deadline),
            left: timeLeft(silence.deadline, now),
            objectors: silence.objectors.join(', '),
          }
        : null,
      silenceForm: silenceHidden
        ? null
        : {
            ready: silenceDecision.ok,
            refusal: silenceDecision.ok ? null : silenceDecision.error.message,
            defaultDeadline: new Date(now.getTime() + 7 * DAY_MS).toISOString().slice(0, 16),
          },
      actions: draft.availableActions.map((a) => ({
        action: a.action,
        button: ACTION_LABELS[a.action].button,
        confirm: ACTION_LABELS[a.action].confirm,
        ready: a.ready,
        refusal: a.refusal,
        needsReason: a.needs.includes('reason'),
        reasonOptional: a.action === 'withdraw',
        needsMeeting: a.needs.includes('meeting'),
        // Adoption at the draft's own meeting: the domain checked it already, the form sends it.
        meetingId: a.action === 'adopt' && !a.needs.includes('meeting') ? draft.meetingId : null,
        meetings: meetings.map((m) => ({ value: m.id, label: `${meetingLabel(m)} — ${m.title}` })),
      })),
      reviseHref: revising.allowed ? `/desk/drafts/${id}/revise` : null,
      reviseNeedsReason: revising.needsReason,
      downloads: {
        text: draft.currentRevision > 0 ? this.textDownloads(id, draft.currentRevision) : [],
        consensusReport: `/desk/drafts/${id}/documents/consensus-report.docx`,
        redline:
          draft.currentRevision > 1
            ? `/desk/drafts/${id}/documents/redline.docx?from=${draft.currentRevision - 1}&to=${draft.currentRevision}`
            : null,
      },
      audit: auditView(audit).reverse(),
    };
  }

  async compare(principal: Principal, id: string, fromNumber: number, toNumber: number) {
    const draft = await this.drafts.get(principal, id);
    const [from, to] = await Promise.all([
      this.drafts.revision(id, fromNumber),
      this.drafts.revision(id, toNumber),
    ]);
    const revisions = await this.drafts.revisions(id);
    return {
      draft: { id, symbol: draft.symbol, title: draft.title, href: `/desk/drafts/${id}` },
      from: {
        number: from.number,
        symbol: from.symbol,
        author: from.author,
        createdAt: formatInstant(from.createdAt),
      },
      to: {
        number: to.number,
        symbol: to.symbol,
        author: to.author,
        createdAt: formatInstant(to.createdAt),
      },
      comparison: compareRevisionsView(from, to),
      options: {
        from: revisions.map((r) => ({
          value: r.number,
          label: `Revision ${r.number}`,
          selected: r.number === fromNumber,
        })),
        to: revisions.map((r) => ({
          value: r.number,
          label: `Revision ${r.number}`,
          selected: r.number === toNumber,
        })),
      },
      redlineHref: `/desk/drafts/${id}/documents/redline.docx?from=${fromNumber}&to=${toNumber}`,
    };
  }

  /**
   * The position form of one state. Refused (403, 409…) as the recording itself would be:
   * a delegate asking for another state's form gets the domain's NOT_OWN_STATE.
   */
  async positionForm(principal: Principal, id: string, stateCode: string, now = new Date()) {
    const draft = await this.drafts.get(principal, id);
    const judgement = await this.judgement(draft);
    const code = stateCode.toUpperCase();
    const decision = decidePosition({
      draft: judgement.facts,
      actor: principal,
      stateCode: code,
      member: judgement.members.find((m) => m.code === code),
      input: { stance: 'concur' },
      content: judgement.content,
      now,
    });
    if (!decision.ok) throw decision.error;
    const consensus = await this.drafts.consensus(id);
    const standing = consensus.positions.find((p) => p.stateCode === code) ?? null;
    const name = judgement.members.find((m) => m.code === code)?.name ?? code;
    const revision = draft.revision!;
    const paragraph = (p: { id: string; text: string }, i: number, prefix: string) => ({
      id: p.id,
      label: `${prefix} ${i + 1}`,
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
            word: STANCE_LABELS[standing.stance].word,
            recordedAt: formatInstant(standing.recordedAt),
          }
        : null,
      stances: (['concur', 'reservation', 'objection'] as const).map((stance) => ({
        value: stance,
        label: { concur: 'Concur', reservation: 'Concur with a reservation', objection: 'Object' }[
          stance
        ],
        hint: {
          concur: 'Joins consensus on the whole text.',
          reservation: 'Joins consensus; the reservation is printed in the consensus report.',
          objection: 'Blocks consensus until withdrawn.',
        }[stance],
        word: { concur: 'concurrence', reservation: 'reservation', objection: 'objection' }[stance],
        checked: standing?.stance === stance,
      })),
      text: standing?.text ?? '',
      action: `/desk/drafts/${id}/positions/${code}`,
    };
  }

  async revisionForm(principal: Principal, id: string) {
    const draft = await this.drafts.get(principal, id);
    const judgement = await this.judgement(draft);
    const revising = this.revising(principal, judgement);
    if (revising.refusal) throw revising.refusal;
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
        label: `PP ${i + 1}`,
      })),
      operative: (revision?.operative ?? []).map((p, i) => ({
        id: p.id,
        text: p.text,
        label: `OP ${i + 1}`,
      })),
      note: '',
      reason: '',
      needsReason: revising.needsReason,
    };
  }

  /**
   * Records a position filled in on revision `formRevision`. A position binds to the current
   * revision, so the form must not outlive the one it was filled in on; the draft's ETag makes
   * the check and the write one step: if anything changed in between (another delegation's
   * position, most often), the check is made again on the fresh draft.
   */
  async recordPosition(
    principal: Principal,
    id: string,
    stateCode: string,
    formRevision: number,
    input: PositionDto,
  ) {
    for (let attempt = 1; ; attempt += 1) {
      const draft = await this.repository.find(this.dataSource.manager, id);
      if (draft.current_revision !== formRevision) {
        throw new AppError(
          412,
          'STALE_FORM',
          `A new revision (${draft.current_revision}) was circulated after you opened this form on revision ${formRevision}. Read the new text and record the position again.`,
          { facts: { formRevision, currentRevision: draft.current_revision } },
        );
      }
      try {
        return await this.drafts.recordPosition(
          principal,
          id,
          stateCode,
          input,
          versionEtag(draft.id, draft.version),
        );
      } catch (error) {
        const busy = error instanceof AppError && error.code === 'STALE_VERSION';
        if (!busy || attempt >= POSITION_ATTEMPTS) throw error;
        // 28 delegations may answer in the same second: step aside a random moment, so that
        // each gets its turn instead of all retrying together.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));
      }
    }
  }

  /** May this official circulate a revision, and must it carry a reason (it reopens review)? */
  private revising(actor: Actor, judgement: Judgement) {
    const withReason = decideRevision({
      draft: judgement.facts,
      actor,
      reason: 'given on the form',
    });
    const withoutReason = decideRevision({ draft: judgement.facts, actor, reason: null });
    return {
      allowed: withReason.ok,
      refusal: withReason.ok ? null : withReason.error,
      needsReason:
        withReason.ok && !withoutReason.ok && withoutReason.error.code === 'REASON_REQUIRED',
    };
  }

  private mayRecord(actor: Actor, judgement: Judgement, code: string, now: Date): boolean {
    return decidePosition({
      draft: judgement.facts,
      actor,
      stateCode: code,
      member: judgement.members.find((m) => m.code === code),
      input: { stance: 'concur' },
      content: judgement.content,
      now,
    }).ok;
  }

  private async judgement(draft: DraftView): Promise<Judgement> {
    const manager = this.dataSource.manager;
    const [row, members] = await Promise.all([
      this.repository.find(manager, draft.id),
      this.repository.memberStates(manager),
    ]);
    const content: RevisionContent = draft.revision
      ? {
          title: draft.revision.title,
          preamble: draft.revision.preamble,
          operative: draft.revision.operative,
        }
      : { title: draft.title, preamble: [], operative: [] };
    return { facts: draftFacts(row), members, content };
  }

  private meetingLink(
    meetingId: string | null,
    meetings: Awaited<ReturnType<MeetingsService['list']>>,
  ) {
    if (!meetingId) return null;
    const meeting = meetings.find((m) => m.id === meetingId);
    return {
      href: `/desk/meetings/${meetingId}`,
      label: meeting ? meetingLabel(meeting) : 'Meeting',
    };
  }

  private textDownloads(id: string, revision: number) {
    return (['en', 'ru'] as const).map((lang) => ({
      lang,
      label: lang === 'en' ? 'English' : 'Russian',
      href: `/desk/drafts/${id}/documents/text.docx?revision=${revision}&lang=${lang}`,
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  type ConsensusStatus,
  type DomainError,
  type DraftAction,
  availableActions,
  decideStartSilence,
  isDocumentType,
  readsPositions,
  translatorRefusal,
} from '@chancery/domain';
import { DraftRepository, type PositionRow, draftFacts } from '@chancery/persistence';
import { CLOCK, type Clock } from '../application/clock';
import { TransactionRunner } from '../application/transaction-runner';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import {
  type DraftView,
  auditEntryView,
  consensusOf,
  draftView,
  revisionView,
} from '../drafts/draft-views';
import { MeetingsService } from '../meetings/meetings.service';
import { WorkingLanguages } from '../languages/working-languages';
import { TranslationsService } from '../translations/translations.service';
import { meetingLabel } from './dashboard-view';
import { type Judgement, judgementOf, mayRecord, revising } from './desk-judgement';
import { DeskAmendmentsService } from './desk-amendments.service';
import {
  actionLabel,
  documentTypeName,
  formatInstant,
  localName,
  stanceLabel,
  statusName,
  timeLeft,
} from './desk-labels';
import { refusalText } from './desk-refusals';
import { type Translator, languageName } from './i18n/desk-i18n';
import { auditView, compareRevisionsView, paragraphLabels, revisionTextView } from './draft-view';

const DAY_MS = 24 * 60 * 60 * 1000;

type MeetingList = Awaited<ReturnType<MeetingsService['list']>>;
type RevisionView = ReturnType<typeof revisionView>;

/** What the draft page reads, all of it in one read-only transaction. */
interface PageRead {
  draft: DraftView;
  revisions: RevisionView[];
  audit: ReturnType<typeof auditEntryView>[];
  meetings: MeetingList;
  judgement: Judgement;
  status: ConsensusStatus;
  positions: PositionRow[];
  amendments: Awaited<ReturnType<DeskAmendmentsService['panel']>>;
  /** Why each action is not possible now, with the refusal's code and facts. */
  refusals: Map<DraftAction, DomainError>;
  versions: Awaited<ReturnType<TranslationsService['statusesOf']>>;
}

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
      return this.pageView(principal, id, options, now, t, {
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
      });
    });
  }

  private pageView(
    principal: Principal,
    id: string,
    options: { revision?: number },
    now: Date,
    t: Translator,
    read: PageRead,
  ) {
    const { draft, revisions, audit, meetings, judgement, status } = read;
    const names = new Map(judgement.members.map((p) => [p.code, p.name]));
    // Member states by their names in the page's language (English where none is kept).
    const localNames = new Map(judgement.members.map((p) => [p.code, localName(p, t)]));
    const shownNumber = options.revision ?? draft.currentRevision;
    const shown = revisions.find((r) => r.number === shownNumber);
    if (options.revision !== undefined && !shown)
      throw notFound(`Revision of ${draft.symbol}`, String(options.revision), 'revision');
    const current = revisions.find((r) => r.number === draft.currentRevision) ?? null;
    const { amendments } = read;
    const labels = current ? paragraphLabels(current, t) : new Map<string, string>();

    const byState = new Map(read.positions.map((p) => [p.state_code, p]));
    const positionRows = status.memberStates.map((code) => {
      const position = byState.get(code) ?? null;
      const cell = stanceLabel(position?.stance ?? 'none', t);
      return {
        code,
        name: localNames.get(code) ?? names.get(code) ?? code,
        stance: { css: cell.css, letter: cell.letter, word: cell.word },
        text: position?.text ?? null,
        paragraphs: (position?.paragraphs ?? []).map((pid) => labels.get(pid) ?? pid).join(', '),
        recordedAt: position
          ? formatInstant(new Date(position.recorded_at).toISOString(), t)
          : null,
        recordedBy: position ? position.recorded_by : null,
        onBehalf: position?.on_behalf ?? false,
        recordHref: mayRecord(principal, judgement, code, now)
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
    const revisingNow = revising(principal, judgement);

    return {
      draft: {
        id: draft.id,
        symbol: draft.symbol,
        title: draft.title,
        type: draft.type,
        typeName: isDocumentType(draft.type) ? documentTypeName(draft.type, t) : draft.type,
        status: draft.status,
        statusName: statusName(draft.status, t),
        language: draft.language,
        penholder: {
          code: draft.penholder,
          name: localNames.get(draft.penholder) ?? draft.penholder,
        },
        body: draft.adoptingBodyCode,
        meeting: this.meetingLink(draft.meetingId, meetings, t),
        currentRevision: draft.currentRevision,
        etag: draft.etag,
        consensus: draft.consensus
          ? {
              method: t.t(
                draft.consensus.method === 'silence'
                  ? 'draft.consensusMethod.silence'
                  : 'draft.consensusMethod.explicit',
              ),
              revision: draft.consensus.revision,
              at: formatInstant(draft.consensus.at, t),
              by: draft.consensus.by,
            }
          : null,
        adoption: draft.adoption
          ? {
              at: formatInstant(draft.adoption.at, t),
              meeting: this.meetingLink(draft.adoption.meetingId, meetings, t),
            }
          : null,
        withdrawnAt: draft.withdrawnAt ? formatInstant(draft.withdrawnAt, t) : null,
      },
      text: shown ? revisionTextView(shown, draft.currentRevision, t) : null,
      revisions: revisions
        .map((r) => ({
          number: r.number,
          symbol: r.symbol,
          author: r.author,
          createdAt: formatInstant(r.createdAt, t),
          note: r.note,
          disposition: amendments.history.get(r.number) ?? null,
          shown: r.number === shownNumber,
          href:
            r.number === draft.currentRevision
              ? `/desk/drafts/${id}`
              : `/desk/drafts/${id}?revision=${r.number}`,
          compareHref:
            r.number > 1 ? `/desk/drafts/${id}/compare?from=${r.number - 1}&to=${r.number}` : null,
          docx: this.textDownloads(id, r.number, t),
        }))
        .reverse(),
      compare: {
        possible: revisions.length >= 2,
        from: revisions.map((r) => ({
          value: r.number,
          label: t.t('common.revision', { number: r.number }),
          selected: r.number === draft.currentRevision - 1,
        })),
        to: revisions.map((r) => ({
          value: r.number,
          label: t.t('common.revision', { number: r.number }),
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
      // Observers follow the status, not the negotiation: no positions, no audit trail.
      showPositions: readsPositions(principal),
      positions: readsPositions(principal) ? positionRows : [],
      amendments,
      ownPosition: own ? { href: own.recordHref, code: own.code, name: own.name } : null,
      silence: silence
        ? {
            status: silence.status,
            running,
            revision: silence.revision,
            iso: silence.deadline,
            statusWord: t.t(`draft.silenceStatus.${silence.status}`),
            at: formatInstant(silence.deadline, t),
            left: timeLeft(silence.deadline, now, t),
            objectors: t.list(silence.objectors),
          }
        : null,
      silenceForm: silenceHidden
        ? null
        : {
            ready: silenceDecision.ok,
            refusal: silenceDecision.ok ? null : refusalText(silenceDecision.error, t),
            // In the official's zone: the form is read back in it (DeskDraftsController.silence).
            defaultDeadline: t.inputValue(new Date(now.getTime() + 7 * DAY_MS)),
          },
      actions: draft.availableActions.map((a) => ({
        action: a.action,
        button: actionLabel(a.action, t).button,
        confirm: actionLabel(a.action, t).confirm,
        ready: a.ready,
        refusal: read.refusals.has(a.action)
          ? refusalText(read.refusals.get(a.action)!, t)
          : a.refusal,
        needsReason: a.needs.includes('reason'),
        reasonOptional: a.action === 'withdraw',
        needsMeeting: a.needs.includes('meeting'),
        // Adoption at the draft's own meeting: the domain checked it already, the form sends it.
        meetingId: a.action === 'adopt' && !a.needs.includes('meeting') ? draft.meetingId : null,
        meetings: meetings.map((m) => ({
          value: m.id,
          label: `${meetingLabel(m, t)} — ${m.title}`,
        })),
      })),
      reviseHref: revisingNow.allowed ? `/desk/drafts/${id}/revise` : null,
      reviseNeedsReason: revisingNow.needsReason,
      importAction:
        revisingNow.allowed && principal.roles.includes('secretariat')
          ? `/desk/drafts/${id}/import`
          : null,
      languageVersions: {
        original: draft.language,
        rows: read.versions.map((v) => ({
          code: v.language,
          status: v.status,
          outdated:
            v.outdatedParagraphs.length + (v.titleOutdated && v.status !== 'missing' ? 1 : 0),
          href: `/desk/drafts/${id}/translations/${v.language}`,
        })),
        mayTranslate: translatorRefusal(principal) === null,
        concordance: `/desk/drafts/${id}/documents/concordance.docx`,
      },
      downloads: {
        text: draft.currentRevision > 0 ? this.textDownloads(id, draft.currentRevision, t) : [],
        consensusReport: readsPositions(principal)
          ? `/desk/drafts/${id}/documents/consensus-report.docx`
          : null,
        redline:
          draft.currentRevision > 1
            ? `/desk/drafts/${id}/documents/redline.docx?from=${draft.currentRevision - 1}&to=${draft.currentRevision}`
            : null,
      },
      audit: readsPositions(principal) ? auditView(audit, t).reverse() : [],
    };
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
      return this.compareView(
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

  private compareView(
    id: string,
    symbol: string,
    title: string,
    from: RevisionView,
    to: RevisionView,
    revisions: RevisionView[],
    t: Translator,
  ) {
    const fromNumber = from.number;
    const toNumber = to.number;
    return {
      draft: { id, symbol, title, href: `/desk/drafts/${id}` },
      from: {
        number: from.number,
        symbol: from.symbol,
        author: from.author,
        createdAt: formatInstant(from.createdAt, t),
      },
      to: {
        number: to.number,
        symbol: to.symbol,
        author: to.author,
        createdAt: formatInstant(to.createdAt, t),
      },
      comparison: compareRevisionsView(from, to, t),
      options: {
        from: revisions.map((r) => ({
          value: r.number,
          label: t.t('common.revision', { number: r.number }),
          selected: r.number === fromNumber,
        })),
        to: revisions.map((r) => ({
          value: r.number,
          label: t.t('common.revision', { number: r.number }),
          selected: r.number === toNumber,
        })),
      },
      redlineHref: `/desk/drafts/${id}/documents/redline.docx?from=${fromNumber}&to=${toNumber}`,
    };
  }

  private meetingLink(meetingId: string | null, meetings: MeetingList, t: Translator) {
    if (!meetingId) return null;
    const meeting = meetings.find((m) => m.id === meetingId);
    return {
      href: `/desk/meetings/${meetingId}`,
      label: meeting ? meetingLabel(meeting, t) : t.t('common.meeting'),
    };
  }

  private textDownloads(id: string, revision: number, t: Translator) {
    return this.languages.codes.map((lang) => ({
      lang,
      label: languageName(lang, t),
      href: `/desk/drafts/${id}/documents/text.docx?revision=${revision}&lang=${lang}`,
    }));
  }
}

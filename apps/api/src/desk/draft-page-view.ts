import {
  type ConsensusStatus,
  type DomainError,
  type DraftAction,
  type DomainErrorCode,
  type Language,
  decideStartSilence,
  isDocumentType,
  readsPositions,
  silenceRunning,
  translatorRefusal,
} from '@chancery/domain';
import type { PositionRow } from '@chancery/persistence';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/app-error';
import type { DraftView, auditEntryView, revisionView } from '../drafts/draft-views';
import type { MeetingsService } from '../meetings/meetings.service';
import type { TranslationsService } from '../translations/translations.service';
import { meetingLabel } from './dashboard-view';
import { type Judgement, mayRecord, revising } from './desk-judgement';
import type { DeskAmendmentsService } from './desk-amendments.service';
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

// The draft page and the comparison of two revisions as their templates show them: pure
// shaping of what DeskDraftService read, in the page's language.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refusals about who may act or where the draft stands hide the silence form; those about the
 * text or the positions (brackets, an objection) show it disabled, with the reason.
 */
const SILENCE_FORM_HIDDEN_BY: readonly DomainErrorCode[] = [
  'ROLE_REQUIRED',
  'NOT_PENHOLDER',
  'DRAFT_CLOSED',
  'NOT_UNDER_REVIEW',
  'SILENCE_ALREADY_RUNNING',
];

type MeetingList = Awaited<ReturnType<MeetingsService['list']>>;
type RevisionView = ReturnType<typeof revisionView>;

/** What the draft page reads, all of it in one read-only transaction. */
export interface DraftPageRead {
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
  /** The forum's working languages: the text is downloadable in each. */
  languages: readonly Language[];
}

export function draftPageView(
  principal: Principal,
  id: string,
  options: { revision?: number },
  now: Date,
  t: Translator,
  read: DraftPageRead,
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
      recordedAt: position ? formatInstant(new Date(position.recorded_at).toISOString(), t) : null,
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
  const running = silenceRunning(silence);
  // What the form proposes, and so the deadline the form's readiness is asked for.
  const defaultDeadline = new Date(now.getTime() + 7 * DAY_MS);
  const silenceDecision = decideStartSilence({
    draft: judgement.facts,
    actor: principal,
    deadline: defaultDeadline,
    now,
    running,
    consensus: status,
  });
  const silenceHidden =
    !silenceDecision.ok && SILENCE_FORM_HIDDEN_BY.includes(silenceDecision.error.code);
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
      meeting: meetingLink(draft.meetingId, meetings, t),
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
            meeting: meetingLink(draft.adoption.meetingId, meetings, t),
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
        docx: textDownloads(read.languages, id, r.number, t),
      }))
      .reverse(),
    compare: {
      possible: revisions.length >= 2,
      from: revisionOptions(revisions, draft.currentRevision - 1, t),
      to: revisionOptions(revisions, draft.currentRevision, t),
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
          defaultDeadline: t.inputValue(defaultDeadline),
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
        outdated: v.outdatedParagraphs.length + (v.titleOutdated && v.status !== 'missing' ? 1 : 0),
        href: `/desk/drafts/${id}/translations/${v.language}`,
      })),
      mayTranslate: translatorRefusal(principal) === null,
      concordance: `/desk/drafts/${id}/documents/concordance.docx`,
    },
    downloads: {
      text:
        draft.currentRevision > 0
          ? textDownloads(read.languages, id, draft.currentRevision, t)
          : [],
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

export function compareView(
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
      from: revisionOptions(revisions, fromNumber, t),
      to: revisionOptions(revisions, toNumber, t),
    },
    redlineHref: `/desk/drafts/${id}/documents/redline.docx?from=${fromNumber}&to=${toNumber}`,
  };
}

function revisionOptions(revisions: RevisionView[], selected: number, t: Translator) {
  return revisions.map((r) => ({
    value: r.number,
    label: t.t('common.revision', { number: r.number }),
    selected: r.number === selected,
  }));
}

function meetingLink(meetingId: string | null, meetings: MeetingList, t: Translator) {
  if (!meetingId) return null;
  const meeting = meetings.find((m) => m.id === meetingId);
  return {
    href: `/desk/meetings/${meetingId}`,
    label: meeting ? meetingLabel(meeting, t) : t.t('common.meeting'),
  };
}

function textDownloads(
  languages: readonly Language[],
  id: string,
  revision: number,
  t: Translator,
) {
  return languages.map((lang) => ({
    lang,
    label: languageName(lang, t),
    href: `/desk/drafts/${id}/documents/text.docx?revision=${revision}&lang=${lang}`,
  }));
}

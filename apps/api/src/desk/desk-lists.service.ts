import { Inject, Injectable } from '@nestjs/common';
import { DRAFT_STATUSES, type DraftStatus, isDraftStatus, positionsOpen } from '@chancery/domain';
import type { Principal } from '../auth/principal';
import { AppError } from '../common/app-error';
import { DraftQueriesService } from '../drafts/draft-queries.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ReferenceService } from '../reference/reference.service';
import { dashboardView, meetingLabel, readFilters } from './dashboard-view';
import { formatInstant, localName, stanceLabel, statusName, timeLeft } from './desk-labels';
import type { Translator } from './i18n/desk-i18n';

/**
 * The desk's overviews: the consensus dashboard, a delegation's drafts and the list of all
 * drafts. Each reads a fixed number of queries whatever the number of drafts: the matrix is
 * DraftQueriesService.matrix() (two queries), never one call per draft.
 */
@Injectable()
export class DeskListsService {
  constructor(
    @Inject(DraftQueriesService) private readonly drafts: DraftQueriesService,
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(ReferenceService) private readonly reference: ReferenceService,
  ) {}

  async dashboard(query: Record<string, unknown>, t: Translator, now = new Date()) {
    const [matrix, members, meetings, bodies] = await Promise.all([
      this.drafts.matrix(),
      this.reference.participants('member-state'),
      this.meetings.list({}),
      this.reference.bodies(),
    ]);
    const bodyCodes = bodies.map((b) => b.code);
    const filters = readFilters(query, meetings, bodyCodes);
    return dashboardView(
      matrix,
      new Map(members.map((m) => [m.code, localName(m, t)])),
      meetings,
      bodyCodes,
      filters,
      now,
      t,
    );
  }

  /** A delegate's own state: drafts awaiting its position first, then those it has answered. */
  async delegation(principal: Principal, t: Translator, now = new Date()) {
    const code = principal.stateCode;
    if (!code) {
      throw new AppError(
        'NO_DELEGATION',
        'Your account is attached to no delegation. Ask the secretariat to attach it to your state.',
      );
    }
    const [matrix, state] = await Promise.all([
      this.drafts.matrix(),
      this.reference.participant(code),
    ]);
    const underReview = matrix.items.filter((row) => positionsOpen(row));
    const item = (row: (typeof matrix.items)[number]) => {
      const cell = stanceLabel(row.cells[code] ?? 'none', t);
      return {
        href: `/desk/drafts/${row.draftId}`,
        positionHref: `/desk/drafts/${row.draftId}/positions/${code}`,
        symbol: row.symbol,
        title: row.title,
        revision: row.revision,
        stance: { css: cell.css, letter: cell.letter, word: cell.word },
        silence: row.silenceDeadline
          ? {
              iso: row.silenceDeadline,
              at: formatInstant(row.silenceDeadline, t),
              left: timeLeft(row.silenceDeadline, now, t),
            }
          : null,
      };
    };
    return {
      state: { code, name: localName(state, t) },
      awaiting: underReview.filter((row) => (row.cells[code] ?? 'none') === 'none').map(item),
      answered: underReview.filter((row) => (row.cells[code] ?? 'none') !== 'none').map(item),
      other: matrix.items
        .filter((row) => !positionsOpen(row))
        .map((row) => ({ ...item(row), statusName: statusName(row.status, t) })),
    };
  }

  async allDrafts(query: Record<string, unknown>, t: Translator) {
    const status: DraftStatus | undefined = isDraftStatus(query.status) ? query.status : undefined;
    const [bodies, meetings] = await Promise.all([this.reference.bodies(), this.meetings.list({})]);
    const bodyCode =
      typeof query.body === 'string' && bodies.some((b) => b.code === query.body)
        ? query.body
        : undefined;
    const rows = await this.drafts.list({ status, bodyCode });
    const meetingsById = new Map(meetings.map((m) => [m.id, m]));
    return {
      rows: rows.map((row) => {
        const meeting = row.meetingId ? meetingsById.get(row.meetingId) : undefined;
        return {
          href: `/desk/drafts/${row.id}`,
          symbol: row.symbol,
          title: row.title,
          // The title is in the draft's language, which may not be the page's.
          language: row.language,
          type: row.type,
          status: row.status,
          statusName: statusName(row.status, t),
          body: row.adoptingBodyCode,
          meeting: meeting
            ? { href: `/desk/meetings/${meeting.id}`, label: meetingLabel(meeting, t) }
            : null,
          penholder: row.penholder,
          revision: row.currentRevision,
          updated: formatInstant(row.updatedAt, t),
        };
      }),
      filters: {
        statuses: DRAFT_STATUSES.map((s) => ({
          value: s,
          label: statusName(s, t),
          selected: s === status,
        })),
        bodies: bodies.map((b) => ({
          value: b.code,
          label: b.code,
          selected: b.code === bodyCode,
        })),
      },
    };
  }
}

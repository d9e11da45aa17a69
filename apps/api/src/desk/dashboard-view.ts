import { DRAFT_STATUSES, type DraftStatus, isDraftStatus, isFinalStatus } from '@chancery/domain';
import {
  type Cell,
  formatDate,
  formatInstant,
  stanceLabel,
  stanceLegend,
  statusName,
  timeLeft,
} from './desk-labels';
import type { Translator } from './i18n/desk-i18n';

/** What DraftsService.matrix() answers (one row per open draft, one cell per member state). */
export interface MatrixRow {
  draftId: string;
  symbol: string;
  title: string;
  status: DraftStatus;
  adoptingBodyCode: string;
  meetingId: string | null;
  revision: number;
  silenceDeadline: string | null;
  cells: Record<string, Cell>;
  counts: Record<Cell, number>;
}

export interface Matrix {
  states: string[];
  items: MatrixRow[];
}

export interface MeetingOption {
  id: string;
  bodyCode: string;
  sequence: number;
  title: string;
  startsOn: string;
}

export interface DashboardFilters {
  meeting: string | null;
  body: string | null;
  status: DraftStatus | null;
}

const OPEN_STATUSES: DraftStatus[] = DRAFT_STATUSES.filter((status) => !isFinalStatus(status));

/** Filters come from the query string: anything that is not a known value means "all". */
export function readFilters(
  query: Record<string, unknown>,
  meetings: MeetingOption[],
  bodyCodes: string[],
): DashboardFilters {
  const meeting =
    typeof query.meeting === 'string' && meetings.some((m) => m.id === query.meeting)
      ? query.meeting
      : null;
  const body = typeof query.body === 'string' && bodyCodes.includes(query.body) ? query.body : null;
  const status = isDraftStatus(query.status) ? query.status : null;
  return { meeting, body, status };
}

/** "12th SOC — 17 Dec 2024" / "12-е заседание SOC — 17 дек. 2024 г." (ordinals in the catalogue). */
export function meetingLabel(meeting: MeetingOption, t: Translator): string {
  return t.t('meeting.label', {
    sequence: meeting.sequence,
    body: meeting.bodyCode,
    date: formatDate(meeting.startsOn, t),
  });
}

/**
 * The consensus dashboard: rows and cells ready to print, each stance by colour class, letter
 * and an accessible label ("Azerbaijan: concur").
 */
export function dashboardView(
  matrix: Matrix,
  stateNames: Map<string, string>,
  meetings: MeetingOption[],
  bodyCodes: string[],
  filters: DashboardFilters,
  now: Date,
  t: Translator,
) {
  const meetingsById = new Map(meetings.map((m) => [m.id, m]));
  const rows = matrix.items
    .filter(
      (row) =>
        (!filters.meeting || row.meetingId === filters.meeting) &&
        (!filters.body || row.adoptingBodyCode === filters.body) &&
        (!filters.status || row.status === filters.status),
    )
    .map((row) => {
      const meeting = row.meetingId ? meetingsById.get(row.meetingId) : undefined;
      return {
        href: `/desk/drafts/${row.draftId}`,
        id: row.draftId,
        symbol: row.symbol,
        title: row.title,
        status: row.status,
        statusName: statusName(row.status, t),
        body: row.adoptingBodyCode,
        meeting: meeting ? meetingLabel(meeting, t) : null,
        revision: row.revision,
        cells: matrix.states.map((code) => {
          const label = stanceLabel(row.cells[code] ?? 'none', t);
          return {
            css: label.css,
            letter: label.letter,
            label: t.t('dashboard.cellLabel', {
              state: stateNames.get(code) ?? code,
              stance: label.word,
            }),
          };
        }),
        counts: row.counts,
        silence: row.silenceDeadline
          ? {
              iso: row.silenceDeadline,
              at: formatInstant(row.silenceDeadline, t),
              left: timeLeft(row.silenceDeadline, now, t),
            }
          : null,
      };
    });
  return {
    states: matrix.states.map((code) => ({ code, name: stateNames.get(code) ?? code })),
    rows,
    shown: rows.length,
    total: matrix.items.length,
    legend: stanceLegend(t),
    filters: {
      meetings: meetings.map((m) => ({
        value: m.id,
        label: meetingLabel(m, t),
        selected: m.id === filters.meeting,
      })),
      bodies: bodyCodes.map((code) => ({
        value: code,
        label: code,
        selected: code === filters.body,
      })),
      statuses: OPEN_STATUSES.map((s) => ({
        value: s,
        label: statusName(s, t),
        selected: s === filters.status,
      })),
      active: Boolean(filters.meeting || filters.body || filters.status),
    },
  };
}

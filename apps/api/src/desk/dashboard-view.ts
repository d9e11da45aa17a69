import { DRAFT_STATUSES, type DraftStatus, isDraftStatus, isFinalStatus } from '@chancery/domain';
import {
  type Cell,
  STANCE_LABELS,
  STANCE_LEGEND,
  formatDate,
  formatInstant,
  statusName,
  timeLeft,
} from './desk-labels';

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

export function meetingLabel(meeting: MeetingOption): string {
  return `${ordinal(meeting.sequence)} ${meeting.bodyCode} — ${formatDate(meeting.startsOn)}`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
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
        statusName: statusName(row.status),
        body: row.adoptingBodyCode,
        meeting: meeting ? meetingLabel(meeting) : null,
        revision: row.revision,
        cells: matrix.states.map((code) => {
          const label = STANCE_LABELS[row.cells[code] ?? 'none'];
          return {
            css: label.css,
            letter: label.letter,
            label: `${stateNames.get(code) ?? code}: ${label.word}`,
          };
        }),
        counts: row.counts,
        silence: row.silenceDeadline
          ? {
              iso: row.silenceDeadline,
              at: formatInstant(row.silenceDeadline),
              left: timeLeft(row.silenceDeadline, now),
            }
          : null,
      };
    });
  return {
    states: matrix.states.map((code) => ({ code, name: stateNames.get(code) ?? code })),
    rows,
    shown: rows.length,
    total: matrix.items.length,
    legend: STANCE_LEGEND,
    filters: {
      meetings: meetings.map((m) => ({
        value: m.id,
        label: meetingLabel(m),
        selected: m.id === filters.meeting,
      })),
      bodies: bodyCodes.map((code) => ({
        value: code,
        label: code,
        selected: code === filters.body,
      })),
      statuses: OPEN_STATUSES.map((s) => ({
        value: s,
        label: statusName(s),
        selected: s === filters.status,
      })),
      active: Boolean(filters.meeting || filters.body || filters.status),
    },
  };
}

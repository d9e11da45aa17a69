import {
  type DraftAction,
  type DraftStatus,
  type Role,
  type Stance,
  statusLabel,
} from '@chancery/domain';

export type Cell = Stance | 'none';

/** Each stance by a letter, a word and a colour class: the colour is never the only signal. */
export const STANCE_LABELS: Record<Cell, { letter: string; word: string; css: string }> = {
  concur: { letter: 'C', word: 'concur', css: 'concur' },
  reservation: { letter: 'R', word: 'reservation', css: 'reservation' },
  objection: { letter: 'O', word: 'objection', css: 'objection' },
  none: { letter: '–', word: 'no answer', css: 'none' },
};

export const STANCE_LEGEND = (['concur', 'reservation', 'objection', 'none'] as const).map(
  (cell) => STANCE_LABELS[cell],
);

export function statusName(status: DraftStatus): string {
  const label = statusLabel(status);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** The button, and the sentence the confirmation asks the official to agree to. */
export const ACTION_LABELS: Record<DraftAction, { button: string; confirm: string }> = {
  submit: {
    button: 'Submit for review',
    confirm: 'Submit this draft for review by member states?',
  },
  'declare-consensus': {
    button: 'Declare consensus',
    confirm:
      'Declare consensus on the current revision? The declaration is recorded with your name and the time.',
  },
  adopt: {
    button: 'Record adoption',
    confirm: 'Record the adoption of this draft? The adopted text is frozen.',
  },
  reopen: {
    button: 'Reopen review',
    confirm: 'Reopen review of this draft? Consensus is cleared.',
  },
  withdraw: {
    button: 'Withdraw the draft',
    confirm: 'Withdraw this draft? A withdrawn draft cannot come back.',
  },
};

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  secretariat: 'Secretariat',
  chair: 'Chair',
  delegate: 'Delegate',
  observer: 'Observer',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "17 Dec 2024, 14:05 UTC": one time zone for officials in many. */
export function formatInstant(value: string | Date | null): string {
  if (value === null) return '—';
  const date = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** "17 Dec 2024" from "2024-12-17". */
export function formatDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "2 d 4 h left", "3 h 10 min left", "deadline passed"; the desk script keeps it ticking. */
export function timeLeft(deadline: string | Date, now: Date): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return 'deadline passed';
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h left`;
  if (hours > 0) return `${hours} h ${mins} min left`;
  return `${Math.max(mins, 1)} min left`;
}

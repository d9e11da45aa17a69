import type { DocumentType, DraftAction, DraftStatus, Stance } from '@chancery/domain';
import type { Translator } from './i18n/desk-i18n';

export type Cell = Stance | 'none';

const STANCE_CSS: Record<Cell, string> = {
  concur: 'concur',
  reservation: 'reservation',
  objection: 'objection',
  none: 'none',
};

/**
 * Each stance by a letter, a word and a colour class, in the page's language: the colour is
 * never the only signal.
 */
export function stanceLabel(cell: Cell, t: Translator) {
  return {
    letter: t.t(`stance.${cell}.letter`),
    word: t.t(`stance.${cell}.word`),
    css: STANCE_CSS[cell],
  };
}

export function stanceLegend(t: Translator) {
  return (['concur', 'reservation', 'objection', 'none'] as const).map((cell) =>
    stanceLabel(cell, t),
  );
}

/** "Under review", "Принят": a draft's status as a heading word. */
export function statusName(status: DraftStatus, t: Translator): string {
  return t.t(`status.${status}`);
}

/** "under review", "принят": a status inside a sentence. */
export function statusWord(status: DraftStatus, t: Translator): string {
  return t.t(`statusWord.${status}`);
}

export function documentTypeName(type: DocumentType, t: Translator): string {
  return t.t(`documentType.${type}`);
}

/** The button, and the sentence the confirmation asks the official to agree to. */
export function actionLabel(action: DraftAction, t: Translator) {
  return { button: t.t(`action.${action}.button`), confirm: t.t(`action.${action}.confirm`) };
}

/** "17 Dec 2024, 14:05 UTC": an instant in the official's language and time zone. */
export function formatInstant(value: string | Date | null, t: Translator): string {
  return t.instant(value);
}

/** "17 Dec 2024" from "2024-12-17". */
export function formatDate(value: string, t: Translator): string {
  return t.date(value);
}

/** "2 d 4 h left", "3 h 10 min left", "deadline passed"; the desk script keeps it ticking. */
export function timeLeft(deadline: string | Date, now: Date, t: Translator): string {
  const ms = new Date(deadline).getTime() - now.getTime();
  if (ms <= 0) return t.t('time.passed');
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t.t('time.leftDays', { days, hours });
  if (hours > 0) return t.t('time.leftHours', { hours, minutes: mins });
  return t.t('time.leftMinutes', { minutes: Math.max(mins, 1) });
}

/** A name kept in several languages (participants, bodies): the page's, else the English one. */
export function localName(named: { name: string; nameRu?: string | null }, t: Translator): string {
  return t.language === 'ru' && named.nameRu ? named.nameRu : named.name;
}

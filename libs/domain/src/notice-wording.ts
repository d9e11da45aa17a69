import type { NoticeFacts, NoticeKind } from './notices';
import type { ConsensusMethod, Language } from './vocabulary';

/** How a notice is printed for one reader: their language, their time zone, state names in it. */
export interface NoticeReader {
  language: Language;
  timeZone: string;
  /** A member state's name in the reader's language, by code (the code itself if unknown). */
  stateName: (code: string) => string;
}

/**
 * Everything a mail template or the inbox prints of a notice, already in the reader's words:
 * templates only place these strings, they compute nothing.
 */
export interface NoticeView {
  kind: NoticeKind;
  /** The mail's subject and the inbox line. */
  title: string;
  symbol: string;
  draftTitle: string;
  revision: number;
  /** silence-started: the deadline in the reader's zone ("…, 18:00 (Europe/Moscow)") and in UTC. */
  deadlineLocal: string | null;
  deadlineUtc: string | null;
  /** silence-broken: "Kazakhstan and Mongolia". */
  objectors: string | null;
  /** consensus: "declared by the chair" / "by silence procedure". */
  method: string | null;
  meeting: string | null;
  /** amendment: the state proposing it. */
  proposedBy: string | null;
}

// The notices' own wording, by language. A working language without wording here reads its
// notices in English (the forum's languages are data; a translator adds a block below).
const FALLBACK = 'en';

const LOCALES: Record<string, string> = { en: 'en-GB', ru: 'ru-RU' };

const AND: Record<string, string> = { en: 'and', ru: 'и' };

const METHODS: Record<string, Record<ConsensusMethod, string>> = {
  en: { explicit: 'declared by the chair', silence: 'by silence procedure' },
  ru: { explicit: 'объявлен председателем', silence: 'по процедуре умолчания' },
};

type TitleFacts = Omit<NoticeView, 'title' | 'kind'>;

const TITLES: Record<string, Record<NoticeKind, (view: TitleFacts) => string>> = {
  en: {
    'under-review': (v) => `${v.symbol} is under review: ${v.draftTitle}`,
    revision: (v) => `Revision ${v.revision} of ${v.symbol}: ${v.draftTitle}`,
    'silence-started': (v) => `Silence procedure on ${v.symbol} until ${v.deadlineLocal}`,
    'silence-broken': (v) => `Silence on ${v.symbol} broken by ${v.objectors}`,
    consensus: (v) => `Consensus on ${v.symbol}: ${v.draftTitle}`,
    adopted: (v) => `${v.symbol} adopted at ${v.meeting}`,
    amendment: (v) => `${v.proposedBy} proposes an amendment to ${v.symbol}`,
  },
  ru: {
    'under-review': (v) => `${v.symbol} на рассмотрении: ${v.draftTitle}`,
    revision: (v) => `Редакция ${v.revision} документа ${v.symbol}: ${v.draftTitle}`,
    'silence-started': (v) => `Процедура умолчания по ${v.symbol} до ${v.deadlineLocal}`,
    'silence-broken': (v) => `Процедура умолчания по ${v.symbol} прервана: ${v.objectors}`,
    consensus: (v) => `Консенсус по ${v.symbol}: ${v.draftTitle}`,
    adopted: (v) => `${v.symbol} принят: ${v.meeting}`,
    amendment: (v) => `${v.proposedBy} предлагает поправку к ${v.symbol}`,
  },
};

function formatInstant(iso: string, language: Language, timeZone: string): string {
  const text = new Intl.DateTimeFormat(LOCALES[language] ?? language, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}

function joinNames(names: readonly string[], language: Language): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${AND[language] ?? AND[FALLBACK]} ${names[names.length - 1]}`;
}

/** A notice as one reader reads it. */
export function noticeView(kind: NoticeKind, facts: NoticeFacts, reader: NoticeReader): NoticeView {
  const { language } = reader;
  const view: TitleFacts = {
    symbol: facts.symbol,
    draftTitle: facts.title,
    revision: facts.revision,
    deadlineLocal: facts.deadline ? formatInstant(facts.deadline, language, reader.timeZone) : null,
    deadlineUtc: facts.deadline ? formatInstant(facts.deadline, language, 'UTC') : null,
    objectors: facts.objectors ? joinNames(facts.objectors.map(reader.stateName), language) : null,
    method: facts.method ? (METHODS[language] ?? METHODS[FALLBACK])[facts.method] : null,
    meeting: facts.meeting ?? null,
    proposedBy: facts.proposedBy ? reader.stateName(facts.proposedBy) : null,
  };
  return { kind, title: (TITLES[language] ?? TITLES[FALLBACK])[kind](view), ...view };
}

import { IntlMessageFormat } from 'intl-messageformat';
import en from './en.json';
import ru from './ru.json';

/**
 * The desk's catalogues: one JSON file per language, each message whole, in ICU MessageFormat
 * (placeholders `{name}`, plurals `{count, plural, one {…} few {…} many {…} other {…}}`,
 * `{kind, select, …}`). English is the reference: the type of a key is a key of en.json, and
 * every other catalogue must have the same keys (tsc checks that here, a unit test checks the
 * placeholders). Adding a language is its file and one line below.
 */
const CATALOGUES = { en, ru } satisfies Record<string, Record<keyof typeof en, string>>;

export type DeskLanguage = keyof typeof CATALOGUES;
export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** The languages the desk speaks: those it has a catalogue for, English first. */
export const DESK_LANGUAGES = Object.keys(CATALOGUES) as DeskLanguage[];
export const DEFAULT_LANGUAGE: DeskLanguage = 'en';
export const DEFAULT_TIME_ZONE = 'UTC';

export const isDeskLanguage = (value: unknown): value is DeskLanguage =>
  typeof value === 'string' && Object.hasOwn(CATALOGUES, value);

/**
 * The locale each language formats dates and lists in. English is en-GB: day before month
 * ("17 Dec 2024, 14:05"), as the forum's documents print them.
 */
const FORMAT_LOCALES: Record<DeskLanguage, string> = { en: 'en-GB', ru: 'ru-RU' };

/** Each language by its own name, for the language switch ("Русский", never "Russian"). */
export const LANGUAGE_NAMES: Record<DeskLanguage, string> = { en: 'English', ru: 'Русский' };

/** Messages are parsed once, at start-up: a broken message stops the service, not a page. */
const COMPILED = new Map<DeskLanguage, Map<string, IntlMessageFormat>>(
  DESK_LANGUAGES.map((language) => {
    const messages = new Map<string, IntlMessageFormat>();
    for (const [key, message] of Object.entries(CATALOGUES[language] as Record<string, string>)) {
      try {
        messages.set(key, new IntlMessageFormat(message, FORMAT_LOCALES[language]));
      } catch (error) {
        throw new Error(`The desk message ${language}:${key} does not parse: ${String(error)}`);
      }
    }
    return [language, messages];
  }),
);

/** Whether a time zone is one Intl knows (an IANA name such as Europe/Moscow); its canonical name. */
export function canonicalTimeZone(value: string): string | null {
  if (value.trim() === '' || value.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Messages, dates and lists in one language and one time zone. Instants are shown in the
 * official's zone with the zone's name beside them, so two officials comparing a deadline by
 * telephone can tell what the other sees.
 */
export class Translator {
  private readonly messages: Map<string, IntlMessageFormat>;
  private readonly instantFormat: Intl.DateTimeFormat;
  private readonly dateFormat: Intl.DateTimeFormat;
  private readonly inputFormat: Intl.DateTimeFormat;
  readonly locale: string;

  constructor(
    readonly language: DeskLanguage,
    readonly timeZone: string,
  ) {
    this.messages = COMPILED.get(language)!;
    this.locale = FORMAT_LOCALES[language];
    this.instantFormat = new Intl.DateTimeFormat(this.locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    // A calendar date ("2024-12-17") has no zone: formatted as it is written.
    this.dateFormat = new Intl.DateTimeFormat(this.locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    this.inputFormat = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
  }

  /** The message `key` with its placeholders filled; a missing value or key throws. */
  t(key: MessageKey, values?: MessageValues): string {
    const message = this.messages.get(key);
    if (!message) throw new Error(`No desk message ${key}`);
    return String(message.format(values));
  }

  /**
   * The message as HTML, for the few messages with markup inside a sentence: every piece of
   * text and every value is escaped, and the only elements are the fixed ones of MARKUP
   * (`<hidden>` for words a screen reader says and the eye does not need, `<strong>`, `<em>`,
   * `<code>` for codes and references).
   */
  html(key: MessageKey, values?: MessageValues): string {
    const message = this.messages.get(key);
    if (!message) throw new Error(`No desk message ${key}`);
    // Tags become Markup objects; every string around and inside them (the catalogue's text
    // and the values alike) is escaped when the pieces are joined.
    const tags = Object.fromEntries(
      Object.entries(MARKUP).map(([tag, [open, close]]) => [
        tag,
        (chunks: unknown[]) => new Markup(`${open}${chunks.map(toHtml).join('')}${close}`),
      ]),
    );
    const parts: unknown = message.format({ ...values, ...tags } as Record<string, string>);
    return (Array.isArray(parts) ? parts : [parts]).map(toHtml).join('');
  }

  has(key: string): key is MessageKey {
    return this.messages.has(key);
  }

  /** "17 Dec 2024, 14:05 UTC" / "17 дек. 2024 г., 17:05 MSK": an instant in the official's zone. */
  instant(value: string | Date | null): string {
    if (value === null) return '—';
    return this.instantFormat.format(new Date(value));
  }

  /** "17 Dec 2024" from "2024-12-17". */
  date(value: string): string {
    return this.dateFormat.format(new Date(`${value}T00:00:00Z`));
  }

  /** The value of a datetime-local field ("2024-12-17T14:05") for an instant, in the official's zone. */
  inputValue(value: Date): string {
    const parts = Object.fromEntries(
      this.inputFormat.formatToParts(value).map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  }

  /**
   * The instant a datetime-local field means, read in the official's zone: "2024-12-17T17:05"
   * (given as "2024-12-17T17:05:00Z", as the form parser writes it) is 14:05 UTC in
   * Europe/Moscow. Answers an ISO instant; a value that is not a date is left for the domain
   * to refuse.
   */
  fromInputValue(value: string): string {
    const wall = Date.parse(value);
    if (Number.isNaN(wall) || this.timeZone === 'UTC') return value;
    const offsetAt = (instant: number) =>
      Date.parse(`${this.inputValue(new Date(instant))}:00Z`) - Math.floor(instant / 60000) * 60000;
    // Twice: the offset at the first guess may differ from the offset at the answer (DST).
    let instant = wall - offsetAt(wall);
    instant = wall - offsetAt(instant);
    return new Date(instant).toISOString();
  }

  /** "IND, RUS and BRA" / "IND, RUS и BRA". */
  list(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
    return new Intl.ListFormat(this.locale, { style: 'long', type }).format(items);
  }
}

/** The elements a message may contain (Translator.html): nothing else becomes markup. */
const MARKUP: Record<string, [string, string]> = {
  hidden: ['<span class="visually-hidden">', '</span>'],
  strong: ['<strong>', '</strong>'],
  em: ['<em>', '</em>'],
  // Codes and references are the same in every language.
  code: ['<code translate="no">', '</code>'],
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

class Markup {
  constructor(readonly html: string) {}
}

const toHtml = (part: unknown): string =>
  part instanceof Markup ? part.html : escapeHtml(String(part));

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

const translators = new Map<string, Translator>();

/** One Translator per language and zone, kept: its formats are costly to build for each page. */
export function translator(
  language: DeskLanguage = DEFAULT_LANGUAGE,
  timeZone: string = DEFAULT_TIME_ZONE,
): Translator {
  const id = `${language} ${timeZone}`;
  let found = translators.get(id);
  if (!found) {
    found = new Translator(language, canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE);
    translators.set(id, found);
  }
  return found;
}

/**
 * The desk language an Accept-Language header asks for: the highest-weighted range whose
 * primary subtag is a language of the desk ("ru-RU,ru;q=0.9,en;q=0.8" → ru), else null.
 */
export function negotiateLanguage(header: string | undefined): DeskLanguage | null {
  if (!header) return null;
  const ranges = header
    .split(',')
    .slice(0, 32)
    .map((part, index) => {
      const [range, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return {
        language: range.trim().toLowerCase().split('-')[0],
        weight: Number.isFinite(weight) ? weight : 0,
        index,
      };
    })
    .filter((range) => range.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.map((range) => range.language).find(isDeskLanguage) ?? null;
}

/**
 * A language's name in the desk's language ("Russian", "английский"): the platform's names
 * (Intl), so a working language added as data is named without a catalogue entry.
 */
export function languageName(code: string, t: Translator): string {
  return new Intl.DisplayNames(t.locale, { type: 'language' }).of(code) ?? code;
}

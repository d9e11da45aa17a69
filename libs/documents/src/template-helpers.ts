// The helpers a template may call, one set per language. Each is small and pure: no I/O, no
// access to anything but its arguments, so rendering stays a function of (template, data).
// Template authors find them listed with examples in templates/README.md.

import type { HelperDelegate, HelperOptions } from 'handlebars';
import type { DocumentLanguage } from './document-kind';

type Escape = (text: string) => string;
type SafeStringFactory = (markup: string) => unknown;

// Typographic knowledge of the languages Chancery has been used in. Which languages the forum
// works in is data; a language without an entry here takes the platform's (Intl) forms.
const MONTHS: Partial<Record<DocumentLanguage, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  // Genitive, as a date is written in Russian: «17 декабря 2024 г.».
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
};

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Splits an ISO 8601 date or date-time; a time with an offset is taken to UTC. */
function parseIsoDate(
  value: unknown,
  helper: string,
): { year: number; month: number; day: number; hour: number | null; minute: number | null } {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match === null) throw new Error(`${helper}: "${String(value)}" is not an ISO 8601 date`);
  const [, year, month, day, hour, minute, second, zone] = match;
  if (hour !== undefined && zone !== undefined && zone !== 'Z') {
    const instant = new Date(
      `${year}-${month}-${day}T${hour}:${minute}:${second ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
    );
    return {
      year: instant.getUTCFullYear(),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
      hour: instant.getUTCHours(),
      minute: instant.getUTCMinutes(),
    };
  }
  const parsed = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hour === undefined ? null : Number(hour),
    minute: minute === undefined ? null : Number(minute),
  };
  if (parsed.month < 1 || parsed.month > 12 || parsed.day < 1 || parsed.day > 31)
    throw new Error(`${helper}: "${String(value)}" is not a valid date`);
  return parsed;
}

function intlDate(language: DocumentLanguage, year: number, month: number, day: number): string {
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

export function formatDate(language: DocumentLanguage, value: unknown): string {
  const { year, month, day } = parseIsoDate(value, 'formatDate');
  const months = MONTHS[language];
  if (months === undefined) return intlDate(language, year, month, day);
  const monthName = months[month - 1];
  return language === 'ru' ? `${day} ${monthName} ${year} г.` : `${day} ${monthName} ${year}`;
}

export function formatDateTime(language: DocumentLanguage, value: unknown): string {
  const parsed = parseIsoDate(value, 'formatDateTime');
  const date = formatDate(
    language,
    `${parsed.year}-${String(parsed.month).padStart(2, '0')}-${String(parsed.day).padStart(2, '0')}`,
  );
  if (parsed.hour === null || parsed.minute === null) return date;
  return `${date}, ${String(parsed.hour).padStart(2, '0')}:${String(parsed.minute).padStart(2, '0')} UTC`;
}

/** "17–18 December 2024", "17 December 2024" when both are the same day. */
export function formatDateRange(language: DocumentLanguage, from: unknown, to: unknown): string {
  const start = parseIsoDate(from, 'formatDateRange');
  const end = parseIsoDate(to, 'formatDateRange');
  if (start.year === end.year && start.month === end.month) {
    if (start.day === end.day) return formatDate(language, from);
    const months = MONTHS[language];
    if (months === undefined)
      return `${start.day}–${intlDate(language, end.year, end.month, end.day)}`;
    const monthName = months[end.month - 1];
    return language === 'ru'
      ? `${start.day}–${end.day} ${monthName} ${end.year} г.`
      : `${start.day}–${end.day} ${monthName} ${end.year}`;
  }
  return `${formatDate(language, from)} – ${formatDate(language, to)}`;
}

export function ordinal(language: DocumentLanguage, value: unknown): string {
  const number = Number(value);
  if (!Number.isInteger(number))
    throw new Error(`ordinal: "${String(value)}" is not a whole number`);
  // Russian ordinals agree in gender with their noun; «-е» fits «совещание», «заседание».
  if (language === 'ru') return `${number}-е`;
  if (language !== 'en') return String(number);
  const lastTwo = number % 100;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[number % 10] ?? 'th');
  return `${number}${suffix}`;
}

/** Picks the word form for a count: English one/other, Russian one/few/many. */
export function plural(
  language: DocumentLanguage,
  count: unknown,
  forms: readonly unknown[],
): string {
  const number = Number(count);
  const strings = forms.map(String);
  if (language === 'ru') {
    if (strings.length !== 3)
      throw new Error(
        'plural: Russian needs three forms (one, few, many), e.g. (plural n "государство" "государства" "государств")',
      );
    const category = new Intl.PluralRules('ru').select(number);
    return category === 'one' ? strings[0] : category === 'few' ? strings[1] : strings[2];
  }
  if (language !== 'en') {
    // Another language: one form per plural category, in the order Intl lists them.
    const rules = new Intl.PluralRules(language);
    const categories = rules.resolvedOptions().pluralCategories;
    if (strings.length !== categories.length)
      throw new Error(
        `plural: ${language} needs ${categories.length} forms (${categories.join(', ')})`,
      );
    return strings[categories.indexOf(rules.select(number))] ?? strings[strings.length - 1];
  }
  if (strings.length !== 2)
    throw new Error(
      'plural: English needs two forms (one, other), e.g. (plural n "state" "states")',
    );
  return number === 1 ? strings[0] : strings[1];
}

// Opening phrases of preambular paragraphs that are set in italics as a whole (UN editorial
// practice); any other paragraph has its first word in italics.
const OPENING_PHRASES: Partial<Record<DocumentLanguage, readonly string[]>> = {
  en: [
    'bearing in mind',
    'taking into account',
    'taking into consideration',
    'taking note',
    'taking note with appreciation',
    'noting with appreciation',
    'noting with concern',
    'noting with satisfaction',
    'noting with deep concern',
    'deeply concerned',
    'gravely concerned',
    'seriously concerned',
    'deeply convinced',
    'firmly convinced',
    'fully aware',
    'fully supporting',
    'having considered',
    'having examined',
    'having reviewed',
    'having adopted',
    'guided by',
    'expressing its appreciation',
    'expressing its concern',
    'expressing its satisfaction',
    'expressing appreciation',
    'further recalling',
    'also recalling',
    'further noting',
    'also noting',
  ],
  ru: [
    'принимая во внимание',
    'принимая к сведению',
    'принимая к сведению с удовлетворением',
    'будучи убеждены',
    'будучи преисполнены решимости',
    'с удовлетворением отмечая',
    'с озабоченностью отмечая',
    'с признательностью отмечая',
    'с глубокой озабоченностью отмечая',
    'вновь подтверждая',
    'особо отмечая',
    'выражая признательность',
    'выражая озабоченность',
    'выражая удовлетворение',
    'рассмотрев',
    'руководствуясь',
  ],
};
const CONTINUATIONS: Partial<Record<DocumentLanguage, ReadonlySet<string>>> = {
  en: new Set(['also', 'further', 'furthermore']),
  ru: new Set(['также', 'далее']),
};

/** Splits a paragraph into its opening words and the rest (the rest keeps its leading space). */
export function splitOpening(language: DocumentLanguage, value: unknown): [string, string] {
  const text = textOf(value);
  if (text.startsWith('[')) return ['', text];
  const lower = text.toLocaleLowerCase(language);
  let end = 0;
  for (const phrase of OPENING_PHRASES[language] ?? []) {
    if (
      phrase.length > end &&
      lower.startsWith(phrase) &&
      !/[\p{L}\p{N}]/u.test(lower.charAt(phrase.length))
    )
      end = phrase.length;
  }
  if (end === 0) {
    const firstWord = /^[\p{L}\p{N}'’-]+/u.exec(text);
    if (firstWord === null) return ['', text];
    end = firstWord[0].length;
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(end));
    if (next !== null && CONTINUATIONS[language]?.has(next[1].toLocaleLowerCase(language)))
      end += next[0].length;
  }
  return [text.slice(0, end), text.slice(end)];
}

/**
 * Escapes text and wraps every bracketed span — from an opening "[" to its matching "]",
 * brackets included, nested brackets kept inside — in <bracket> so Word shows it marked.
 * An unclosed "[" runs to the end of the text; a "]" with no "[" is plain text.
 */
export function bracketMarkup(value: unknown, escape: Escape): string {
  const text = textOf(value);
  if (!text.includes('[')) return escape(text);
  let out = '';
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '[') {
      if (depth === 0) {
        out += escape(text.slice(start, index));
        start = index;
      }
      depth += 1;
    } else if (char === ']' && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        out += `<bracket>${escape(text.slice(start, index + 1))}</bracket>`;
        start = index + 1;
      }
    }
  }
  const rest = text.slice(start);
  out += depth > 0 ? `<bracket>${escape(rest)}</bracket>` : escape(rest);
  return out;
}

/** A helper's text argument: a string or number as written, nothing for null; anything else is a mistake. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`expected text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

/** Handlebars passes its options object last; these helpers take only the positional arguments. */
function positional(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

export const HELPER_NAMES = [
  'eq',
  'ne',
  'and',
  'or',
  'not',
  'add',
  'formatDate',
  'formatDateTime',
  'formatDateRange',
  'ordinal',
  'plural',
  'upper',
  'join',
  'default',
  'lead',
  'afterLead',
  'brackets',
] as const;

/** The helpers for one language's templates. */
export function createHelpers(
  language: DocumentLanguage,
  escape: Escape,
  safe: SafeStringFactory,
): Record<(typeof HELPER_NAMES)[number], HelperDelegate> {
  return {
    eq: (a: unknown, b: unknown) => a === b,
    ne: (a: unknown, b: unknown) => a !== b,
    and: (...args: unknown[]) => positional(args).every(Boolean),
    or: (...args: unknown[]) => positional(args).some(Boolean),
    not: (value: unknown) => !value,
    add: (a: unknown, b: unknown) => Number(a) + Number(b),
    formatDate: (value: unknown) => formatDate(language, value),
    formatDateTime: (value: unknown) => formatDateTime(language, value),
    formatDateRange: (from: unknown, to: unknown) => formatDateRange(language, from, to),
    ordinal: (value: unknown) => ordinal(language, value),
    plural: (count: unknown, ...rest: unknown[]) => plural(language, count, positional(rest)),
    upper: (value: unknown) => textOf(value).toLocaleUpperCase(language),
    join: (list: unknown, separator: unknown) => {
      if (!Array.isArray(list)) throw new Error('join: the first argument must be a list');
      return list.map(String).join(typeof separator === 'string' ? separator : ', ');
    },
    default: (value: unknown, fallback: unknown) =>
      value === null || value === undefined || value === '' ? fallback : value,
    lead: (value: unknown) => splitOpening(language, value)[0],
    afterLead: (value: unknown) => splitOpening(language, value)[1],
    // The one helper that writes markup: it escapes the text itself, then adds <bracket>.
    brackets: (value: unknown, _options: HelperOptions) => safe(bracketMarkup(value, escape)),
  };
}

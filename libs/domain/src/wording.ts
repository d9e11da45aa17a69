// Small helpers for the sentences in refusals. Internal to the domain (not re-exported).

/** "A", "A and B", "A, B and C". */
export function joinAnd(items: readonly string[]): string {
  return joinWith(items, 'and');
}

export function joinOr(items: readonly string[]): string {
  return joinWith(items, 'or');
}

function joinWith(items: readonly string[], conjunction: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 member state", "3 member states". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Picks the verb form that agrees with n: verb(2, 'objects', 'object'). */
export function agree(n: number, singular: string, plural: string): string {
  return n === 1 ? singular : plural;
}

export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** Trims and collapses every run of whitespace (line breaks included) to one space. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The UTC calendar date of an instant, 'YYYY-MM-DD'. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

const CALENDAR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/;

/**
 * Reads an ISO date ('2022-10-13', '2022-10', '2022', or a full timestamp) as its calendar
 * date 'YYYY-MM-DD'; a year or month alone stands for its first day. Dates of membership
 * and meetings are calendar dates; comparing them as UTC dates keeps decisions independent
 * of the server's time zone.
 */
export function calendarDate(iso: string): string {
  const match = CALENDAR_DATE.exec(iso.trim());
  if (!match) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  const [, year, month = '01', day = '01'] = match;
  return `${year}-${month}-${day}`;
}

// The platform's calendar data, rather than a month list of our own.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** '2024-12-17' → '17 December 2024', as dates are written in the forum's documents. */
export function longDate(calendar: string): string {
  return LONG_DATE.format(new Date(`${calendar}T00:00:00Z`));
}

/** An instant for a message: '17 December 2024, 14:30 UTC'. */
export function longInstant(instant: Date): string {
  const time = instant.toISOString().slice(11, 16);
  return `${longDate(utcDate(instant))}, ${time} UTC`;
}

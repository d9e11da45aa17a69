/**
 * Reference data (participants, bodies, meetings, agenda items) keeps a name in the forum's
 * first language in `<column>` and its name in another working language in `<column>_<code>`
 * (`name_ru`). A language without such a column, or a row without a value in it, prints the
 * first-language name: the languages themselves are data, so nothing here names one.
 */
export function localized(row: object, column: string, language: string): string {
  const record = row as Record<string, unknown>;
  const own = record[`${column}_${language}`];
  if (typeof own === 'string' && own.trim() !== '') return own;
  const base = record[column];
  return typeof base === 'string' ? base : '';
}

/** The same for a column that may be empty in the first language too. */
export function localizedOrNull(row: object, column: string, language: string): string | null {
  const record = row as Record<string, unknown>;
  if (record[column] === null || record[column] === undefined) return null;
  return localized(row, column, language);
}

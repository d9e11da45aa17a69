/** The documents the secretariat renders from templates (`templates/<language>/<kind>.hbs`). */
export const DOCUMENT_KINDS = [
  'provisional-agenda',
  'annotated-agenda',
  'list-of-documents',
  'outcome-document',
  'consensus-report',
  'concordance',
] as const satisfies readonly string[];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Templates rendered by the library itself rather than asked for by kind: the redline is built
 * from two revisions (see `renderRedline`), the compilation from a revision and its amendments
 * (see `renderCompilation`), then laid out by `templates/<language>/<name>.hbs`.
 */
export const INTERNAL_TEMPLATES = ['redline', 'compilation'] as const;
export type TemplateName = DocumentKind | (typeof INTERNAL_TEMPLATES)[number];
export const TEMPLATE_NAMES: readonly TemplateName[] = [...DOCUMENT_KINDS, ...INTERNAL_TEMPLATES];

/**
 * A language code ("en", "ru"): its templates are `templates/<code>/`. Which languages exist is
 * the templates folder's to say (and the forum's `languages` table's, checked against it at
 * start-up), never a list in code.
 */
export type DocumentLanguage = string;
export const LANGUAGE_FOLDER = /^[a-z]{2,3}$/;

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** A well-formed language code; whether it has templates is the registry's to say. */
export function isDocumentLanguage(value: unknown): value is DocumentLanguage {
  return typeof value === 'string' && LANGUAGE_FOLDER.test(value);
}

// DESIGN ("Language versions"): a revision may have a version in every other working language,
// paragraph for paragraph with the original's ids. When a new revision arrives, the translations
// of paragraphs whose original text did not change carry over; changed and new ones are listed
// as outdated, so a translator redoes only those.

import { hasRole, type Actor } from './actors';
import { DomainError } from './errors';
import { describeParagraph, type ParagraphPart, type RevisionContent } from './revision';
import type { Language } from './vocabulary';
import { capitalise, normaliseSpace } from './wording';

/** One translated paragraph; outdated when the original changed after it was translated. */
export interface TranslatedParagraph {
  id: string;
  text: string;
  outdated: boolean;
}

/** A revision's version in one language. A paragraph not translated yet is absent. */
export interface TranslationContent {
  title: string | null;
  titleOutdated: boolean;
  paragraphs: TranslatedParagraph[];
}

export interface TranslationInput {
  title?: string | null;
  preamble: { id: string; text: string }[];
  operative: { id: string; text: string }[];
}

export const TRANSLATION_STATUSES = ['current', 'outdated', 'missing'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface TranslationState {
  status: TranslationStatus;
  /** Paragraphs of the original whose version is outdated or absent, in reading order. */
  outdatedParagraphs: string[];
  titleOutdated: boolean;
}

/** The original's paragraphs in reading order, with their part and number. */
function originalParagraphs(original: RevisionContent) {
  return [
    ...original.preamble.map((p, i) => ({ ...p, part: 'preamble' as const, number: i + 1 })),
    ...original.operative.map((p, i) => ({ ...p, part: 'operative' as const, number: i + 1 })),
  ];
}

/**
 * Checks a translator's version of a revision against its original: every paragraph of the
 * original, each in its own part, once, not empty, and nothing else. The translator vouches for
 * the whole text, so every paragraph becomes current. Throws a DomainError naming the first
 * paragraph at fault.
 */
export function checkTranslation(
  original: RevisionContent,
  input: TranslationInput,
  language: Language,
): TranslationContent {
  const expected = new Map(originalParagraphs(original).map((p) => [p.id, p]));
  const given = new Map<string, string>();
  for (const part of ['preamble', 'operative'] as const) {
    (input[part] ?? []).forEach((paragraph, index) => {
      const field = `${part}[${index}]`;
      const id = typeof paragraph.id === 'string' ? paragraph.id.trim() : '';
      const place = expected.get(id);
      if (!place) {
        throw new DomainError(
          'UNKNOWN_PARAGRAPH',
          `Paragraph "${id}" of the ${language} version is not a paragraph of the original.`,
          { field: `${field}.id`, facts: { paragraphId: id, language } },
        );
      }
      if (place.part !== part) {
        throw new DomainError(
          'UNKNOWN_PARAGRAPH',
          `Paragraph "${id}" is ${describeParagraph(place.part, place.number)} of the original, not a ${partName(part)} one.`,
          { field: `${field}.id`, facts: { paragraphId: id, part, originalPart: place.part } },
        );
      }
      if (given.has(id)) {
        throw new DomainError('DUPLICATE_PARAGRAPH', `Paragraph "${id}" is given twice.`, {
          field: `${field}.id`,
          facts: { paragraphId: id },
        });
      }
      const text = normaliseSpace(typeof paragraph.text === 'string' ? paragraph.text : '');
      if (text === '') {
        throw new DomainError(
          'EMPTY_PARAGRAPH',
          `${capitalise(describeParagraph(place.part, place.number))} is empty in the ${language} version.`,
          { field: `${field}.text`, facts: { paragraphId: id, part, number: place.number } },
        );
      }
      given.set(id, text);
    });
  }
  const missing = [...expected.values()].filter((p) => !given.has(p.id));
  if (missing.length > 0) {
    const first = missing[0];
    throw new DomainError(
      'MISSING_PARAGRAPH',
      `The ${language} version lacks ${missing
        .map((p) => `${describeParagraph(p.part, p.number)} ("${p.id}")`)
        .join(', ')}.`,
      {
        field: `${first.part}`,
        facts: { paragraphIds: missing.map((p) => p.id), language },
      },
    );
  }
  const title = normaliseSpace(typeof input.title === 'string' ? input.title : '');
  if (title === '') {
    throw new DomainError('TITLE_REQUIRED', `The ${language} version needs its title.`, {
      field: 'title',
      facts: { language },
    });
  }
  return {
    title,
    titleOutdated: false,
    paragraphs: originalParagraphs(original).map((p) => ({
      id: p.id,
      text: given.get(p.id)!,
      outdated: false,
    })),
  };
}

function partName(part: ParagraphPart): string {
  return part === 'preamble' ? 'preambular' : 'operative';
}

/**
 * The version a new revision starts with: each paragraph whose original text is unchanged keeps
 * its translation as it was (an outdated one stays outdated); a changed paragraph keeps its old
 * translation marked outdated, for the translator to start from; a new paragraph has none.
 */
export function carryTranslation(
  previousOriginal: RevisionContent,
  nextOriginal: RevisionContent,
  previous: TranslationContent,
): TranslationContent {
  const before = new Map(originalParagraphs(previousOriginal).map((p) => [p.id, p.text]));
  const translated = new Map(previous.paragraphs.map((p) => [p.id, p]));
  const paragraphs: TranslatedParagraph[] = [];
  for (const paragraph of originalParagraphs(nextOriginal)) {
    const old = translated.get(paragraph.id);
    if (!old) continue;
    const unchanged = before.get(paragraph.id) === paragraph.text;
    paragraphs.push({ id: paragraph.id, text: old.text, outdated: old.outdated || !unchanged });
  }
  return {
    title: previous.title,
    titleOutdated: previous.titleOutdated || previousOriginal.title !== nextOriginal.title,
    paragraphs,
  };
}

/** Where a version stands against its original: current, outdated (which paragraphs), missing. */
export function translationState(
  original: RevisionContent,
  translation: TranslationContent | null,
): TranslationState {
  if (translation === null) {
    return {
      status: 'missing',
      outdatedParagraphs: originalParagraphs(original).map((p) => p.id),
      titleOutdated: true,
    };
  }
  const byId = new Map(translation.paragraphs.map((p) => [p.id, p]));
  const outdatedParagraphs = originalParagraphs(original)
    .filter((p) => byId.get(p.id)?.outdated ?? true)
    .map((p) => p.id);
  const titleOutdated = translation.titleOutdated || translation.title === null;
  return {
    status: outdatedParagraphs.length > 0 || titleOutdated ? 'outdated' : 'current',
    outdatedParagraphs,
    titleOutdated,
  };
}

export const ADOPTION_RULES = ['original', 'strict'] as const;
/**
 * The forum's setting: 'original' adopts a text in its original language with the other
 * versions to follow; 'strict' waits until every working language has a current version.
 */
export type AdoptionRule = (typeof ADOPTION_RULES)[number];
export const isAdoptionRule = (value: unknown): value is AdoptionRule =>
  value === 'original' || value === 'strict';

export interface LanguageVersion {
  language: Language;
  status: TranslationStatus;
}

/**
 * Under the strict rule, adoption is refused while a working language lacks a current version;
 * the refusal names the languages and where each stands.
 */
export function adoptionVersionsRefusal(
  rule: AdoptionRule,
  versions: readonly LanguageVersion[],
): DomainError | null {
  if (rule !== 'strict') return null;
  const lacking = versions.filter((v) => v.status !== 'current');
  if (lacking.length === 0) return null;
  return new DomainError(
    'LANGUAGE_VERSIONS_NOT_CURRENT',
    `The forum adopts a text only in all its working languages: the ${lacking
      .map((v) => `${v.language} version is ${v.status}`)
      .join(', the ')}.`,
    {
      facts: {
        rule,
        languages: lacking.map((v) => v.language),
        versions: lacking.map((v) => ({ language: v.language, status: v.status })),
      },
    },
  );
}

/**
 * Which languages a draft may have versions in: the forum's working languages other than the
 * draft's original (whose text is the revision itself).
 */
export function translationLanguageRefusal(
  workingLanguages: readonly Language[],
  original: Language,
  language: Language,
): DomainError | null {
  if (!workingLanguages.includes(language)) {
    return new DomainError(
      'UNKNOWN_LANGUAGE',
      `"${language}" is not a working language of the forum (${workingLanguages.join(', ')}).`,
      { field: 'lang', category: 'not-found', facts: { language, workingLanguages } },
    );
  }
  if (language === original) {
    return new DomainError(
      'ORIGINAL_LANGUAGE',
      `The draft's original language is ${language}: its text is the revision itself, not a version.`,
      { field: 'lang', facts: { language, original } },
    );
  }
  return null;
}

/** The secretariat (and an admin) keeps the language versions: its translators enter them. */
export function translatorRefusal(actor: Actor): DomainError | null {
  if (hasRole(actor, 'secretariat') || hasRole(actor, 'admin')) return null;
  return new DomainError('ROLE_REQUIRED', 'Only the secretariat may enter a language version.', {
    facts: { requiredRoles: ['secretariat', 'admin'], roles: [...actor.roles] },
  });
}

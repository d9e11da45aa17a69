import type { Paragraph } from '@chancery/domain';
import type { AmendmentImportPreview } from '../amendments/amendment-import.service';
import { paragraphLabels } from './draft-view';
import type { MessageKey, Translator } from './i18n/desk-i18n';

interface CurrentText {
  number: number;
  preamble: Paragraph[];
  operative: Paragraph[];
}

/** A reader's warning in the official's language (the reader's own words are English). */
export function wordWarnings(warnings: AmendmentImportPreview['warnings'], t: Translator) {
  return warnings.map((w) => ({ message: t.t(`wordWarning.${w.code}` as MessageKey) }));
}

/**
 * The preview of a delegation's Word copy as amendments: one row per amendment, naming the
 * paragraph, what it proposes and who tracked it in Word; and the proposals themselves, which
 * the confirmation sends back for the proposal use case to decide again.
 */
export function amendmentImportView(
  draft: { id: string; symbol: string },
  current: CurrentText,
  preview: AmendmentImportPreview,
  fileName: string,
  t: Translator,
) {
  const labels = paragraphLabels(current, t);
  const label = (id: string) => labels.get(id) ?? id;
  return {
    draft: { ...draft, href: `/desk/drafts/${draft.id}` },
    revision: preview.revision,
    stateCode: preview.stateCode,
    fileName,
    warnings: wordWarnings(preview.warnings, t),
    rows: preview.amendments.map((amendment) => {
      const [change] = amendment.changes;
      const word =
        amendment.authors.length > 0 ? t.list(amendment.authors) : t.t('amendImport.noAuthor');
      if ('after' in change)
        return {
          paragraph: t.t('amendImport.after', { paragraph: label(change.after) }),
          kind: t.t('amendment.kind.insert'),
          text: change.text,
          word,
        };
      if ('delete' in change)
        return {
          paragraph: label(change.paragraphId),
          kind: t.t('amendment.kind.delete'),
          text: t.t('amendImport.deleted'),
          word,
        };
      return {
        paragraph: label(change.paragraphId),
        kind: t.t('amendment.kind.replace'),
        text: change.text,
        word,
      };
    }),
    proposals: JSON.stringify(
      preview.amendments.map((amendment) => ({ changes: amendment.changes, note: amendment.note })),
    ),
  };
}

import type { RevisionImportPreview } from '../drafts/revision-import.service';
import { wordWarnings } from './amendment-import-view';
import { paragraphLabel } from './draft-view';
import type { Translator } from './i18n/desk-i18n';

interface RevisionFormView {
  draft: { id: string; symbol: string; href: string; etag: string };
  next: number;
  title: string;
  preamble: { id: string; text: string; label: string }[];
  operative: { id: string; text: string; label: string }[];
  needsReason: boolean;
}

/** The preview page's model: each imported paragraph beside the one whose id it keeps. */
export function importPreviewView(
  form: RevisionFormView,
  preview: RevisionImportPreview,
  upload: { fileName: string; etag: string },
  t: Translator,
) {
  const current = new Map([...form.preamble, ...form.operative].map((p) => [p.id, p]));
  const rows = (part: 'preamble' | 'operative', prefix: 'PP' | 'OP') =>
    preview[part].map((paragraph, i) => {
      const kept = paragraph.id ? current.get(paragraph.id) : undefined;
      const similarity = paragraph.id ? preview.matched[paragraph.id] : undefined;
      return {
        label: paragraphLabel(prefix, i + 1, t),
        text: paragraph.text,
        keeps: kept ? kept.label : null,
        similarity: similarity === undefined ? null : `${Math.round(similarity * 100)} %`,
        unchanged: similarity === 1,
      };
    });
  return {
    draft: { ...form.draft, etag: upload.etag },
    next: form.next,
    fileName: upload.fileName,
    title: preview.title,
    titleChanged: preview.title !== form.title,
    rows: [...rows('preamble', 'PP'), ...rows('operative', 'OP')],
    removed: preview.unmatched.flatMap((id) => {
      const paragraph = current.get(id);
      return paragraph ? [{ label: paragraph.label, text: paragraph.text }] : [];
    }),
    warnings: wordWarnings(preview.warnings, t),
    preamble: preview.preamble.map((p) => ({ id: p.id ?? '', text: p.text })),
    operative: preview.operative.map((p) => ({ id: p.id ?? '', text: p.text })),
    // The revision's note goes into the record, which is kept in English.
    note: `Imported from ${upload.fileName || 'a Word file'}`,
    needsReason: form.needsReason,
  };
}

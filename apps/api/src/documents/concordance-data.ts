import type { ConcordanceData, DocumentLanguage } from '@chancery/documents';
import { carriesDraftMark, revisionSymbol, translationState } from '@chancery/domain';
import { type DraftRow, draftFacts } from '@chancery/persistence';
import { notFound } from '../common/app-error';
import {
  type DocumentReads,
  contentOf,
  day,
  languageName,
  paragraphLabels,
} from './document-reads';

/**
 * The concordance of a revision: the original and every other working language side by side,
 * one row per paragraph (the title first), outdated and missing versions marked.
 */
export async function buildConcordanceData(
  reads: DocumentReads,
  draftId: string,
  language: DocumentLanguage,
  revisionNumber?: number,
): Promise<{ symbol: string; draft: DraftRow; data: ConcordanceData }> {
  const draft = await reads.draft(draftId);
  const number = revisionNumber ?? draft.current_revision;
  if (number < 1) throw notFound(`Revision of ${draft.symbol}`, String(number), 'revision');
  const revision = await reads.revisionOf(draft, number);
  const { locale } = await reads.forum(language);
  const working = (await reads.languages.languages(reads.manager)).map((l) => l.code);
  const others = working.filter((code) => code !== draft.language);
  const rows = await reads.languages.translations(reads.manager, draft.id, number);
  const versions = others.map((code) => {
    const content = contentOf(rows.find((row) => row.language === code) ?? null);
    return { code, content, state: translationState(revision.content, content) };
  });
  const { content } = revision;
  const cellsFor = (id: string | null, original: string) => {
    const cells = [{ text: original, outdated: false, missing: false }];
    for (const { content: version } of versions) {
      if (id === null) {
        cells.push({
          text: version?.title ?? '',
          outdated: version === null || version.titleOutdated,
          missing: version?.title == null,
        });
        continue;
      }
      const paragraph = version?.paragraphs.find((p) => p.id === id);
      cells.push({
        text: paragraph?.text ?? '',
        outdated: paragraph?.outdated ?? true,
        missing: paragraph === undefined,
      });
    }
    return cells;
  };
  const labels = paragraphLabels(content);
  const row = (id: string | null, label: string, original: string) => {
    const cells = cellsFor(id, original);
    return { id: id ?? 'title', label, cells, outdated: cells.some((c) => c.outdated) };
  };
  const symbol = revisionSymbol(draft.symbol, number);
  return {
    symbol: `${symbol}/concordance`,
    draft,
    data: {
      header: await reads.header(
        language,
        symbol,
        'Restricted',
        carriesDraftMark(draftFacts(draft), number),
        day(revision.created_at),
      ),
      draft: { symbol, title: content.title, revision: number },
      languages: [
        {
          code: draft.language,
          name: languageName(draft.language, locale),
          original: true,
          status: 'original',
        },
        ...versions.map((v) => ({
          code: v.code,
          name: languageName(v.code, locale),
          original: false,
          status: v.state.status,
        })),
      ],
      rows: [
        row(null, 'title', content.title),
        ...[...content.preamble, ...content.operative].map((p) =>
          row(p.id, labels.get(p.id) ?? p.id, p.text),
        ),
      ],
    },
  };
}

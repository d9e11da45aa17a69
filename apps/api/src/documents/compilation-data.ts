import type { AmendmentRoundData, CompilationData, DocumentLanguage } from '@chancery/documents';
import type { EntityManager } from 'typeorm';
import { type AmendmentRepository, amendmentStatus } from '@chancery/persistence';
import type { DocumentDataBuilder } from './document-data.builder';

/** Per revision of a draft, what it made of the amendments to the one before it. */
export async function amendmentRounds(
  manager: EntityManager,
  amendments: AmendmentRepository,
  draftId: string,
  language: DocumentLanguage,
): Promise<AmendmentRoundData[]> {
  const rows = await amendments.outcomes(manager, draftId);
  const rounds = new Map<number, AmendmentRoundData>();
  const key = {
    accepted: 'accepted',
    bracketed: 'bracketed',
    'not-retained': 'notRetained',
    withdrawn: 'withdrawn',
  } as const;
  for (const row of rows) {
    const round = rounds.get(row.revision) ?? {
      revision: row.revision,
      accepted: [],
      bracketed: [],
      notRetained: [],
      withdrawn: [],
    };
    const name = language === 'ru' && row.name_ru ? row.name_ru : row.name;
    round[key[row.outcome]].push(`${row.number} (${name})`);
    rounds.set(row.revision, round);
  }
  return [...rounds.values()];
}

/**
 * The compilation's data: the revision as its text document prints it, and every amendment
 * proposed on it, states named in the document's language (they author the tracked changes).
 */
export async function buildCompilationData(
  builder: DocumentDataBuilder,
  manager: EntityManager,
  amendments: AmendmentRepository,
  draftId: string,
  language: DocumentLanguage,
  revision?: number,
): Promise<{ symbol: string; data: CompilationData }> {
  const outcome = await builder.outcome(draftId, language, revision);
  const rows = await amendments.list(manager, draftId, outcome.data.revision.number);
  const ru = language === 'ru';
  return {
    symbol: `${outcome.symbol}/compilation`,
    data: {
      header: outcome.data.header,
      draft: { symbol: outcome.data.draft.symbol, title: outcome.data.revision.title },
      revision: outcome.data.revision,
      amendments: rows.map((row) => ({
        id: row.id,
        number: row.number,
        stateCode: row.state_code,
        stateName: ru && row.state_name_ru ? row.state_name_ru : row.state_name,
        sponsors: row.sponsors.map((code, i) =>
          ru && row.sponsor_names_ru[i] ? row.sponsor_names_ru[i] : (row.sponsor_names[i] ?? code),
        ),
        note: row.note,
        status: amendmentStatus(row),
        onBehalf: row.on_behalf,
        createdAt: new Date(row.created_at).toISOString(),
        changes: row.changes,
      })),
    },
  };
}

import type { AmendmentRoundData, CompilationData, DocumentLanguage } from '@chancery/documents';
import type { EntityManager } from 'typeorm';
import {
  type AmendmentRepository,
  amendmentStatus,
  localized,
  localizedOrNull,
} from '@chancery/persistence';
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
    const name = localized(row, 'name', language);
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
  // The amendments are in the original language: so is the text they amend (and it says so).
  const outcome = await builder.outcome(draftId, language, revision, 'original-text');
  const rows = await amendments.list(manager, draftId, outcome.data.revision.number);
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
        stateName: localized(row, 'state_name', language),
        sponsors: row.sponsors.map(
          (code, i) =>
            localizedOrNull(
              { sponsor_name: row.sponsor_names[i] ?? code, ...sponsorNames(row, i) },
              'sponsor_name',
              language,
            ) ?? code,
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

/** The i-th sponsor's names in the other languages, as `sponsor_name_<code>` (see localized). */
function sponsorNames(row: object, index: number): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [column, value] of Object.entries(row)) {
    const match = /^sponsor_names_([a-z]{2,3})$/.exec(column);
    if (match && Array.isArray(value) && typeof value[index] === 'string')
      names[`sponsor_name_${match[1]}`] = value[index];
  }
  return names;
}

import type {
  ConsensusDraftData,
  ConsensusReportData,
  DocumentLanguage,
  PositionData,
  PositionStance,
} from '@chancery/documents';
import { REPORTED_STATUSES, evaluateConsensus, revisionSymbol } from '@chancery/domain';
import { toPositionRecord } from '@chancery/persistence';
import { amendmentRounds } from './compilation-data';
import { type DocumentReads, day, paragraphLabels, pick } from './document-reads';

/** Per draft: every member state's stance on the current revision, reservations, silence. */
export async function buildConsensusReportData(
  reads: DocumentReads,
  draftIds: string[] | 'open',
  language: DocumentLanguage,
  now: Date,
): Promise<{ symbol: string; data: ConsensusReportData }> {
  const { manager } = reads;
  const forum = await reads.forum(language);
  const rows =
    draftIds === 'open'
      ? await reads.drafts.list(manager, { statuses: REPORTED_STATUSES })
      : [await reads.draft(draftIds[0])];
  const names = new Map(
    (await reads.documents.participantNames(manager)).map((p) => [
      p.code,
      pick(p, 'name', language),
    ]),
  );
  const sorted = [...rows].sort((a, b) => a.symbol.localeCompare(b.symbol));
  const collator = new Intl.Collator(forum.locale);
  const drafts: ConsensusDraftData[] = [];
  for (const snapshot of await reads.drafts.snapshots(manager, sorted)) {
    const { draft, revision, positions, silence } = snapshot;
    const status = evaluateConsensus({
      members: snapshot.members,
      positions: positions.map(toPositionRecord),
      content: revision?.content ?? null,
      onDate: now,
    });
    const byState = new Map(positions.map((p) => [p.state_code, p]));
    const text = revision ? await reads.textIn(draft, revision, language) : null;
    const titleCurrent = text !== null && text.version.status !== 'missing' && text.title !== '';
    const labels = revision ? paragraphLabels(revision.content) : new Map<string, string>();
    const counts = { concur: 0, reservation: 0, objection: 0, none: 0 };
    const statePositions = status.memberStates.map((code): PositionData => {
      const position = byState.get(code);
      const stance: PositionStance = position?.stance ?? 'none';
      counts[stance] += 1;
      return {
        stateCode: code,
        stateName: names.get(code) ?? code,
        stance,
        text: position?.text ?? null,
        paragraphs: (position?.paragraphs ?? []).map((id) => labels.get(id) ?? id),
        recordedAt: position ? new Date(position.recorded_at).toISOString() : null,
        onBehalf: position?.on_behalf ?? false,
      };
    });
    // Member states in the order of their names in the report's language.
    statePositions.sort((a, b) => collator.compare(a.stateName, b.stateName));
    drafts.push({
      symbol: revisionSymbol(draft.symbol, draft.current_revision),
      title: titleCurrent ? text.title : draft.title,
      version: text?.version.status ?? 'original',
      status: draft.status,
      revision: draft.current_revision,
      consensus:
        draft.consensus_method && draft.consensus_at
          ? {
              method: draft.consensus_method,
              declaredAt: new Date(draft.consensus_at).toISOString(),
            }
          : null,
      silence: silence
        ? { deadline: new Date(silence.deadline).toISOString(), status: silence.status }
        : null,
      counts,
      positions: statePositions,
      amendmentRounds: await amendmentRounds(manager, reads.amendments, draft.id, language),
    });
  }
  const symbol =
    draftIds === 'open'
      ? `${forum.symbolPrefix}/CONSENSUS/${day(now)}`
      : `${rows[0].symbol}/CONSENSUS`;
  return {
    symbol,
    data: {
      header: await reads.header(language, symbol, 'Restricted', false, day(now)),
      generatedAt: now.toISOString(),
      drafts,
    },
  };
}

import {
  type Actor,
  type ConsensusStatus,
  activeMemberStates,
  availableActions,
  evaluateConsensus,
  findOpenBrackets,
  revisionSymbol,
} from '@chancery/domain';
import {
  type AuditEntryRow,
  type DraftRow,
  type DraftSnapshot,
  type MatrixRow,
  type MemberStateRow,
  type PositionRow,
  type RevisionRow,
  type SilenceRow,
  draftFacts,
  toPositionRecord,
} from '@chancery/persistence';
import { versionEtag } from '../common/etag';

// Pure functions from rows and snapshots to the API's shapes (drafts.dto.ts): no I/O here.

export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const isoOf = (value: Date | string): string => new Date(value).toISOString();

/** What a list shows of a draft; the full view adds its text, consensus and actions. */
export function draftSummary(row: DraftRow) {
  return {
    id: row.id,
    symbol: row.symbol,
    type: row.type,
    title: row.title,
    language: row.language,
    status: row.status,
    adoptingBodyCode: row.adopting_body_code,
    meetingId: row.meeting_id,
    penholder: row.penholder,
    currentRevision: row.current_revision,
    etag: versionEtag(row.id, row.version),
    updatedAt: isoOf(row.updated_at),
  };
}

export function consensusOf(snapshot: DraftSnapshot, now: Date): ConsensusStatus {
  return evaluateConsensus({
    members: snapshot.members,
    positions: snapshot.positions.map(toPositionRecord),
    content: snapshot.revision?.content ?? null,
    onDate: now,
  });
}

const bracketView = ({
  paragraphId,
  part,
  number,
  excerpt,
}: ReturnType<typeof findOpenBrackets>[number]) => ({
  paragraphId,
  part,
  number,
  excerpt,
});

export function revisionView(draft: Pick<DraftRow, 'symbol'>, revision: RevisionRow) {
  return {
    number: revision.number,
    symbol: revisionSymbol(draft.symbol, revision.number),
    title: revision.title,
    preamble: revision.content.preamble,
    operative: revision.content.operative,
    note: revision.note,
    author: revision.author,
    createdAt: isoOf(revision.created_at),
    openBrackets: findOpenBrackets(revision.content).map(bracketView),
  };
}

export function silenceView(silence: SilenceRow) {
  return {
    deadline: isoOf(silence.deadline),
    status: silence.status,
    revision: silence.revision_number,
    startedAt: isoOf(silence.started_at),
    objectors: silence.objectors,
  };
}

export type DraftView = ReturnType<typeof draftView>;

/** GET /api/drafts/:id: the draft, its current text, its silence and this actor's actions. */
export function draftView(snapshot: DraftSnapshot, actor: Actor, now: Date) {
  const row = snapshot.draft;
  const actions = availableActions({
    draft: draftFacts(row),
    actor,
    consensus: consensusOf(snapshot, now),
    now,
    meeting: snapshot.meeting,
  });
  return {
    ...draftSummary(row),
    revision: snapshot.revision ? revisionView(row, snapshot.revision) : null,
    consensus:
      row.consensus_method && row.consensus_at
        ? {
            method: row.consensus_method,
            revision: row.consensus_revision!,
            at: isoOf(row.consensus_at),
            by: row.consensus_by,
          }
        : null,
    adoption:
      row.adopted_at && row.adopted_meeting_id
        ? { meetingId: row.adopted_meeting_id, at: isoOf(row.adopted_at) }
        : null,
    withdrawnAt: iso(row.withdrawn_at),
    silenceProcedure: snapshot.silence ? silenceView(snapshot.silence) : null,
    availableActions: actions.map((a) => ({
      action: a.action,
      ready: a.ready,
      needs: a.needs,
      refusal: a.refusal?.message ?? null,
    })),
    version: row.version,
    createdAt: isoOf(row.created_at),
  };
}

export function positionView(p: PositionRow) {
  return {
    stateCode: p.state_code,
    stance: p.stance,
    text: p.text,
    paragraphs: p.paragraphs,
    onBehalf: p.on_behalf,
    recordedAt: isoOf(p.recorded_at),
    recordedBy: p.recorded_by,
  };
}

export type ConsensusView = ReturnType<typeof consensusView>;

/** GET /api/drafts/:id/consensus: who stands where on the current revision. */
export function consensusView(snapshot: DraftSnapshot, now: Date) {
  const row = snapshot.draft;
  const status = consensusOf(snapshot, now);
  const silence = snapshot.silence;
  return {
    draftId: row.id,
    symbol: row.symbol,
    status: row.status,
    revision: row.current_revision,
    reached: status.reached,
    memberStates: status.memberStates.length,
    concurred: status.concurred,
    reserved: status.reserved,
    objected: status.objected,
    notAnswered: status.notAnswered,
    openBrackets: status.openBrackets.map(bracketView),
    silenceProcedure: silence
      ? { deadline: isoOf(silence.deadline), status: silence.status, objectors: silence.objectors }
      : null,
    positions: snapshot.positions.map(positionView),
  };
}

type Cell = 'concur' | 'reservation' | 'objection' | 'none';

export type MatrixView = ReturnType<typeof matrixView>;

/** GET /api/consensus: every open draft × every member state active today. */
export function matrixView(members: MemberStateRow[], rows: MatrixRow[], today: Date) {
  const states = activeMemberStates(members, today).map((m) => m.code);
  const items = rows.map((row) => {
    const cells: Record<string, Cell> = {};
    const counts = { concur: 0, reservation: 0, objection: 0, none: 0 };
    const standing = new Map(
      (row.cells ?? '')
        .split(',')
        .filter(Boolean)
        .map((cell) => cell.split(':') as [string, Exclude<Cell, 'none'>]),
    );
    for (const code of states) {
      const stance = standing.get(code) ?? 'none';
      cells[code] = stance;
      counts[stance] += 1;
    }
    return {
      draftId: row.id,
      symbol: row.symbol,
      title: row.title,
      status: row.status,
      adoptingBodyCode: row.adopting_body_code,
      meetingId: row.meeting_id,
      revision: row.current_revision,
      silenceDeadline: iso(row.silence_deadline),
      cells,
      counts,
    };
  });
  return { states, items, total: items.length };
}

export function auditEntryView(row: AuditEntryRow) {
  return {
    seq: Number(row.seq),
    occurredAt: isoOf(row.occurred_at),
    actor: row.actor_label,
    action: row.action,
    details: row.details,
    hash: row.hash,
  };
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type Actor,
  type ConsensusStatus,
  type DraftStatus,
  type MeetingFacts,
  type RevisionContent,
  activeMemberStates,
  availableActions,
  buildRevisionContent,
  concludeSilence,
  decidePosition,
  decideRegistration,
  decideRevision,
  decideSilenceConsensus,
  decideStartSilence,
  decideTransition,
  evaluateConsensus,
  findOpenBrackets,
  formatDocumentSymbol,
  unwrap,
} from '@chancery/domain';
import { appendAudit, verifyAuditChain } from '@chancery/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { AppError, invalid, notFound } from '../common/app-error';
import { checkIfMatch, versionEtag } from '../common/etag';
import {
  type DraftRow,
  DraftRepository,
  type PositionRow,
  type RevisionRow,
  type SilenceRow,
  draftFacts,
  revisionSymbol,
  toPositionRecord,
} from './draft.repository';
import type {
  CreateDraftDto,
  CreateRevisionDto,
  PositionDto,
  SilenceProcedureDto,
  TransitionDto,
} from './drafts.dto';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** What a list shows of a draft; the full view adds its text, consensus and actions. */
function draftSummary(row: DraftRow) {
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
    updatedAt: iso(row.updated_at)!,
  };
}

function auditActor(principal: Principal | null): { actorId: string | null; actorLabel: string } {
  return principal
    ? { actorId: principal.userId, actorLabel: `${principal.displayName} <${principal.email}>` }
    : { actorId: null, actorLabel: 'Chancery (scheduled job)' };
}

/**
 * The draft lifecycle's use cases. Each write is one transaction: lock the draft row, check
 * the ETag, ask the domain, store the change and its audit entry, commit.
 */
@Injectable()
export class DraftsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
  ) {}

  // ---- reads ---------------------------------------------------------------------------

  async list(filter: { status?: string; meetingId?: string; bodyCode?: string }) {
    const rows = await this.drafts.list(this.dataSource.manager, filter);
    return rows.map(draftSummary);
  }

  async get(actor: Actor, id: string, manager: EntityManager = this.dataSource.manager) {
    const row = await this.drafts.find(manager, id);
    const revision =
      row.current_revision > 0
        ? await this.drafts.revision(manager, id, row.current_revision)
        : null;
    const consensus = await this.consensusOf(manager, row, revision?.content ?? null, new Date());
    const silence = await this.drafts.silence(manager, id);
    const meeting = row.meeting_id ? await this.meetingFacts(manager, row.meeting_id) : null;
    const actions = availableActions({
      draft: draftFacts(row),
      actor,
      consensus,
      now: new Date(),
      meeting,
    });
    return {
      ...draftSummary(row),
      revision: revision ? this.revisionView(row, revision) : null,
      consensus:
        row.consensus_method && row.consensus_at
          ? {
              method: row.consensus_method,
              revision: row.consensus_revision!,
              at: iso(row.consensus_at)!,
              by: row.consensus_by,
            }
          : null,
      adoption:
        row.adopted_at && row.adopted_meeting_id
          ? { meetingId: row.adopted_meeting_id, at: iso(row.adopted_at)! }
          : null,
      withdrawnAt: iso(row.withdrawn_at),
      silenceProcedure: silence ? this.silenceView(silence) : null,
      availableActions: actions.map((a) => ({
        action: a.action,
        ready: a.ready,
        needs: a.needs,
        refusal: a.refusal?.message ?? null,
      })),
      version: row.version,
      createdAt: iso(row.created_at)!,
    };
  }

  async revisions(id: string) {
    const row = await this.drafts.find(this.dataSource.manager, id);
    const revisions = await this.drafts.revisions(this.dataSource.manager, id);
    return revisions.map((revision) => this.revisionView(row, revision));
  }

  async revision(id: string, number: number) {
    const row = await this.drafts.find(this.dataSource.manager, id);
    const revision = await this.drafts.revision(this.dataSource.manager, id, number);
    if (!revision) throw notFound(`Revision of ${row.symbol}`, String(number), 'n');
    return this.revisionView(row, revision);
  }

  async consensus(id: string) {
    const manager = this.dataSource.manager;
    const row = await this.drafts.find(manager, id);
    const revision =
      row.current_revision > 0
        ? await this.drafts.revision(manager, id, row.current_revision)
        : null;
    const positions =
      row.current_revision > 0
        ? await this.drafts.positions(manager, id, row.current_revision)
        : [];
    const status = this.evaluate(
      await this.drafts.memberStates(manager),
      positions,
      revision?.content ?? null,
      new Date(),
    );
    const silence = await this.drafts.silence(manager, id);
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
      openBrackets: status.openBrackets.map(({ paragraphId, part, number, excerpt }) => ({
        paragraphId,
        part,
        number,
        excerpt,
      })),
      silenceProcedure: silence
        ? { deadline: iso(silence.deadline)!, status: silence.status, objectors: silence.objectors }
        : null,
      positions: positions.map((p) => ({
        stateCode: p.state_code,
        stance: p.stance,
        text: p.text,
        paragraphs: p.paragraphs,
        onBehalf: p.on_behalf,
        recordedAt: iso(p.recorded_at)!,
        recordedBy: p.recorded_by,
      })),
    };
  }

  /**
   * The admin's matrix: every open draft × every member state active today. Two queries
   * whatever the number of drafts (one for the drafts, one for their standing positions).
   */
  async matrix() {
    const manager = this.dataSource.manager;
    const today = new Date();
    const members = await this.drafts.memberStates(manager);
    const states = activeMemberStates(members, today).map((m) => m.code);
    const rows = await manager.query<
      {
        id: string;
        symbol: string;
        title: string;
        status: DraftStatus;
        adopting_body_code: string;
        meeting_id: string | null;
        current_revision: number;
        silence_deadline: Date | null;
        cells: string | null;
      }[]
    >(
      // Standing positions are aggregated per draft in one pass (a hash join, not a subquery
      // per draft) into "AZE:concur,KAZ:objection" — cheaper to build and parse than jsonb.
      `WITH open AS (
         SELECT id, current_revision FROM drafts WHERE status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS')
       ), cells AS (
         SELECT x.draft_id, string_agg(p.code || ':' || x.stance, ',') AS cells
           FROM positions x
           JOIN open o ON o.id = x.draft_id AND x.revision_number = o.current_revision
           JOIN participants p ON p.id = x.participant_id
          WHERE x.superseded_at IS NULL
          GROUP BY x.draft_id
       )
       SELECT d.id, d.symbol, d.title, d.status, b.code AS adopting_body_code, d.meeting_id, d.current_revision,
              s.deadline AS silence_deadline, c.cells
         FROM drafts d
         JOIN open o ON o.id = d.id
         JOIN bodies b ON b.id = d.adopting_body_id
         LEFT JOIN silence_procedures s ON s.draft_id = d.id AND s.status = 'running'
         LEFT JOIN cells c ON c.draft_id = d.id
        ORDER BY d.status DESC, d.symbol`,
    );
    const items = rows.map((row) => {
      const cells: Record<string, 'concur' | 'reservation' | 'objection' | 'none'> = {};
      const counts = { concur: 0, reservation: 0, objection: 0, none: 0 };
      const standing = new Map(
        (row.cells ?? '')
          .split(',')
          .filter(Boolean)
          .map((cell) => cell.split(':') as [string, 'concur' | 'reservation' | 'objection']),
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

  async audit(id: string) {
    await this.drafts.find(this.dataSource.manager, id);
    const rows = await this.dataSource.query<
      {
        seq: string;
        occurred_at: Date;
        actor_label: string;
        action: string;
        details: Record<string, unknown>;
        hash: string;
      }[]
    >(
      'SELECT seq, occurred_at, actor_label, action, details, hash FROM audit_log WHERE draft_id = $1 ORDER BY seq',
      [id],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      occurredAt: iso(row.occurred_at)!,
      actor: row.actor_label,
      action: row.action,
      details: row.details,
      hash: row.hash,
    }));
  }

  verifyAudit() {
    return verifyAuditChain(this.dataSource.manager);
  }

  // ---- writes --------------------------------------------------------------------------

  async register(principal: Principal, input: CreateDraftDto) {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const [body] = await manager.query<{ id: string; code: string; adopts: string[] }[]>(
        'SELECT id, code, adopts FROM bodies WHERE code = upper($1)',
        [input.adoptingBodyCode],
      );
      if (!body) {
        throw invalid(
          'adoptingBodyCode',
          `There is no body with the code ${JSON.stringify(input.adoptingBodyCode)}.`,
          'UNKNOWN_BODY',
        );
      }
      let meeting: { id: string; sequence: number; body_code: string } | null = null;
      if (input.meetingId) {
        [meeting] = await manager.query(
          'SELECT m.id, m.sequence, b.code AS body_code FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1',
          [input.meetingId],
        );
        if (!meeting)
          throw invalid(
            'meetingId',
            `No meeting has the id ${input.meetingId}.`,
            'UNKNOWN_MEETING',
          );
      }
      const members = await this.drafts.memberStates(manager);
      const penholderCode = input.penholder.toUpperCase();
      const penholder = members.find((m) => m.code === penholderCode);
      unwrap(
        decideRegistration({
          actor: principal,
          type: input.type,
          adoptingBody: { code: body.code, adopts: body.adopts },
          penholder,
          penholderCode,
          meeting: meeting ? { bodyCode: meeting.body_code } : null,
          now,
        }),
      );
      // Document numbers run per body and meeting; the lock keeps two registrations from
      // taking the same one.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `draft-number:${body.id}:${meeting?.id ?? ''}`,
      ]);
      const [{ next }] = await manager.query<{ next: number }[]>(
        `SELECT coalesce(max(document_number), 0) + 1 AS next FROM drafts
          WHERE adopting_body_id = $1 AND meeting_id IS NOT DISTINCT FROM $2`,
        [body.id, meeting?.id ?? null],
      );
      const [{ acronym }] = await manager.query<{ acronym: string }[]>('SELECT acronym FROM forum');
      const symbol = formatDocumentSymbol({
        forum: acronym,
        bodyCode: body.code,
        session: meeting?.sequence ?? null,
        documentNumber: next,
      });
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO drafts (symbol, document_number, type, title, language, adopting_body_id, meeting_id, penholder_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          symbol,
          next,
          input.type,
          input.title,
          input.language,
          body.id,
          meeting?.id ?? null,
          penholder!.id,
          principal.userId,
        ],
      );
      await appendAudit(manager, {
        ...auditActor(principal),
        occurredAt: now,
        draftId: id,
        action: 'draft.registered',
        details: {
          symbol,
          type: input.type,
          title: input.title,
          adoptingBody: body.code,
          penholder: penholderCode,
        },
      });
      if ((input.preamble?.length ?? 0) + (input.operative?.length ?? 0) > 0) {
        const draft = await this.drafts.find(manager, id, { lock: true });
        await this.storeRevision(
          manager,
          principal,
          draft,
          { preamble: input.preamble ?? [], operative: input.operative ?? [] },
          now,
        );
      }
      return this.get(principal, id, manager);
    });
  }

  async addRevision(
    principal: Principal,
    id: string,
    input: CreateRevisionDto,
    ifMatch: string | undefined,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockForWrite(manager, id, ifMatch);
      const now = new Date();
      const outcome = unwrap(
        decideRevision({ draft: draftFacts(draft), actor: principal, reason: input.reason }),
      );
      if (outcome.reopens) {
        // Consensus was on the old text: it is cleared before the new text takes its place.
        await manager.query(
          `UPDATE drafts SET status = $2, consensus_method = NULL, consensus_revision = NULL, consensus_at = NULL,
                             consensus_by = NULL WHERE id = $1`,
          [id, outcome.to],
        );
        await appendAudit(manager, {
          ...auditActor(principal),
          occurredAt: now,
          draftId: id,
          action: 'draft.reopened',
          details: {
            from: draft.status,
            to: outcome.to,
            reason: outcome.reason,
            byRevision: draft.current_revision + 1,
          },
        });
      }
      await this.storeRevision(manager, principal, draft, input, now);
      if (outcome.endsSilenceProcedure)
        await this.cancelSilence(manager, principal, id, now, 'a new revision was circulated');
      return this.get(principal, id, manager);
    });
  }

  async transition(
    principal: Principal,
    id: string,
    input: TransitionDto,
    ifMatch: string | undefined,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockForWrite(manager, id, ifMatch);
      const now = new Date();
      const meeting = input.meetingId
        ? await this.meetingFacts(manager, input.meetingId, 'meetingId')
        : null;
      const consensus = await this.currentConsensus(manager, draft, now);
      const outcome = unwrap(
        decideTransition({
          draft: draftFacts(draft),
          action: input.action,
          actor: principal,
          reason: input.reason,
          consensus,
          meeting,
          now,
        }),
      );
      const sets: string[] = ['status = $2'];
      const values: unknown[] = [id, outcome.to];
      const set = (column: string, value: unknown) => {
        values.push(value);
        sets.push(`${column} = $${values.length}`);
      };
      if (outcome.to === 'CONSENSUS') {
        set('consensus_method', outcome.method ?? 'explicit');
        set('consensus_revision', draft.current_revision);
        set('consensus_at', now);
        set('consensus_by', principal.userId);
      } else if (outcome.from === 'CONSENSUS' && outcome.to === 'UNDER_SOC_REVIEW') {
        sets.push(
          'consensus_method = NULL',
          'consensus_revision = NULL',
          'consensus_at = NULL',
          'consensus_by = NULL',
        );
      }
      if (outcome.to === 'ADOPTED') {
        set('adopted_at', now);
        set('adopted_meeting_id', input.meetingId);
        set('adopted_by', principal.userId);
      }
      if (outcome.to === 'WITHDRAWN') set('withdrawn_at', now);
      await manager.query(`UPDATE drafts SET ${sets.join(', ')} WHERE id = $1`, values);
      await appendAudit(manager, {
        ...auditActor(principal),
        occurredAt: now,
        draftId: id,
        action: `draft.${input.action}`,
        details: {
          from: outcome.from,
          to: outcome.to,
          revision: draft.current_revision,
          ...(outcome.method ? { method: outcome.method } : {}),
          ...(outcome.reason ? { reason: outcome.reason } : {}),
          ...(input.meetingId ? { meetingId: input.meetingId } : {}),
        },
      });
      if (outcome.endsSilenceProcedure) {
        await this.cancelSilence(manager, principal, id, now, `the draft moved to ${outcome.to}`);
      }
      return this.get(principal, id, manager);
    });
  }

  async recordPosition(
    principal: Principal,
    id: string,
    stateCode: string,
    input: PositionDto,
    ifMatch: string | undefined,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.drafts.find(manager, id, { lock: true });
      // Positions come from 28 delegations at once; If-Match is honoured when sent, not required.
      checkIfMatch(ifMatch, versionEtag(draft.id, draft.version), false);
      // A position given on a text that has since been revised must not count for the new one.
      if (input.revision !== undefined && input.revision !== draft.current_revision) {
        throw new AppError(
          409,
          'REVISION_SUPERSEDED',
          `This position was given on revision ${input.revision}, but revision ${draft.current_revision} is now under consideration. Read it and give the position again.`,
          { field: 'revision', facts: { given: input.revision, current: draft.current_revision } },
        );
      }
      const now = new Date();
      const code = stateCode.toUpperCase();
      const members = await this.drafts.memberStates(manager);
      const member = members.find((m) => m.code === code);
      const revision =
        draft.current_revision > 0
          ? await this.drafts.revision(manager, id, draft.current_revision)
          : null;
      const outcome = unwrap(
        decidePosition({
          draft: draftFacts(draft),
          actor: principal,
          stateCode: code,
          member,
          input,
          content: revision?.content ?? { title: draft.title, preamble: [], operative: [] },
          now,
        }),
      );
      await manager.query(
        `UPDATE positions SET superseded_at = $4
          WHERE draft_id = $1 AND revision_number = $2 AND participant_id = $3 AND superseded_at IS NULL`,
        [id, draft.current_revision, member!.id, now],
      );
      await manager.query(
        `INSERT INTO positions (draft_id, revision_number, participant_id, stance, text, paragraphs, on_behalf, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          id,
          draft.current_revision,
          member!.id,
          outcome.stance,
          outcome.text,
          outcome.paragraphs,
          outcome.onBehalf,
          principal.userId,
          now,
        ],
      );
      await this.touch(manager, id);
      await appendAudit(manager, {
        ...auditActor(principal),
        occurredAt: now,
        draftId: id,
        action: 'position.recorded',
        details: {
          state: code,
          revision: draft.current_revision,
          stance: outcome.stance,
          ...(outcome.text ? { text: outcome.text } : {}),
          ...(outcome.paragraphs.length > 0 ? { paragraphs: outcome.paragraphs } : {}),
          ...(outcome.onBehalf ? { onBehalf: true, receivedBy: 'note verbale' } : {}),
        },
      });
      if (outcome.stance === 'objection') await this.settleSilence(manager, draft, now);
      const [{ version }] = await manager.query<{ version: number }[]>(
        'SELECT version FROM drafts WHERE id = $1',
        [id],
      );
      return {
        draftId: id,
        revision: draft.current_revision,
        stateCode: code,
        stance: outcome.stance,
        text: outcome.text,
        paragraphs: outcome.paragraphs,
        onBehalf: outcome.onBehalf,
        recordedAt: now.toISOString(),
        recordedBy: principal.displayName,
        etag: versionEtag(id, version),
      };
    });
  }

  async startSilence(
    principal: Principal,
    id: string,
    input: SilenceProcedureDto,
    ifMatch: string | undefined,
  ) {
    return this.dataSource.transaction(async (manager) => {
      const draft = await this.lockForWrite(manager, id, ifMatch);
      const now = new Date();
      const running = (await this.drafts.silence(manager, id))?.status === 'running';
      const consensus = await this.currentConsensus(manager, draft, now);
      const { deadline } = unwrap(
        decideStartSilence({
          draft: draftFacts(draft),
          actor: principal,
          deadline: new Date(input.deadline),
          now,
          running,
          consensus,
        }),
      );
      await manager.query(
        `INSERT INTO silence_procedures (draft_id, revision_number, deadline, started_by, started_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, draft.current_revision, deadline, principal.userId, now],
      );
      await appendAudit(manager, {
        ...auditActor(principal),
        occurredAt: now,
        draftId: id,
        action: 'silence.started',
        details: { revision: draft.current_revision, deadline: deadline.toISOString() },
      });
      return this.get(principal, id, manager);
    });
  }

  /**
   * Concludes every procedure whose deadline has passed. Any number of replicas may call it
   * at once: a draft locked by another is skipped (SKIP LOCKED) and a procedure is concluded
   * only while it is still running, under the draft's lock — so exactly once.
   */
  async concludeDueSilenceProcedures(now = new Date()): Promise<number> {
    const due = await this.dataSource.query<{ draft_id: string }[]>(
      `SELECT draft_id FROM silence_procedures WHERE status = 'running' AND deadline <= $1 ORDER BY deadline LIMIT 100`,
      [now],
    );
    let concluded = 0;
    for (const { draft_id: draftId } of due) {
      const done = await this.dataSource.transaction(async (manager) => {
        const [locked] = await manager.query<{ id: string }[]>(
          'SELECT id FROM drafts WHERE id = $1 FOR UPDATE SKIP LOCKED',
          [draftId],
        );
        if (!locked) return false;
        const draft = await this.drafts.find(manager, draftId);
        return this.settleSilence(manager, draft, new Date());
      });
      if (done) concluded += 1;
    }
    return concluded;
  }

  // ---- helpers -------------------------------------------------------------------------

  private async lockForWrite(
    manager: EntityManager,
    id: string,
    ifMatch: string | undefined,
  ): Promise<DraftRow> {
    const draft = await this.drafts.find(manager, id, { lock: true });
    checkIfMatch(ifMatch, versionEtag(draft.id, draft.version), true);
    await this.touch(manager, id);
    return draft;
  }

  /** Every write moves the draft's ETag. */
  private async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      'UPDATE drafts SET version = version + 1, updated_at = now() WHERE id = $1',
      [id],
    );
  }

  private async storeRevision(
    manager: EntityManager,
    principal: Principal,
    draft: DraftRow,
    input: {
      title?: string;
      preamble: { id?: string; text: string }[];
      operative: { id?: string; text: string }[];
      note?: string;
    },
    now: Date,
  ): Promise<number> {
    const previous =
      draft.current_revision > 0
        ? await this.drafts.revision(manager, draft.id, draft.current_revision)
        : null;
    const content = buildRevisionContent(
      previous?.content ?? null,
      {
        title: input.title ?? (previous ? undefined : draft.title),
        preamble: input.preamble,
        operative: input.operative,
      },
      () => randomUUID(),
    );
    const number = draft.current_revision + 1;
    await manager.query(
      `INSERT INTO revisions (draft_id, number, title, content, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [draft.id, number, content.title, content, input.note ?? null, principal.userId, now],
    );
    await manager.query('UPDATE drafts SET current_revision = $2, title = $3 WHERE id = $1', [
      draft.id,
      number,
      content.title,
    ]);
    await appendAudit(manager, {
      ...auditActor(principal),
      occurredAt: now,
      draftId: draft.id,
      action: 'revision.added',
      details: {
        revision: number,
        symbol: revisionSymbol(draft.symbol, number),
        preambular: content.preamble.length,
        operative: content.operative.length,
        openBrackets: findOpenBrackets(content).length,
        ...(input.note ? { note: input.note } : {}),
      },
    });
    return number;
  }

  /** Breaks a running procedure at once on an objection, or concludes it once its deadline passed. */
  private async settleSilence(
    manager: EntityManager,
    draft: DraftRow,
    now: Date,
  ): Promise<boolean> {
    const procedure = await this.drafts.silence(manager, draft.id, { lock: true });
    if (!procedure || procedure.status !== 'running') return false;
    const positions = await this.drafts.positions(
      manager,
      draft.id,
      procedure.revision_number,
      true,
    );
    const conclusion = concludeSilence({
      deadline: new Date(procedure.deadline),
      now,
      positions: positions.map(toPositionRecord),
      startedAt: new Date(procedure.started_at),
    });
    if (conclusion.outcome === 'pending') return false;
    const status = conclusion.outcome === 'held' ? 'held' : 'broken';
    const objectors = conclusion.outcome === 'broken' ? conclusion.objectors : [];
    await manager.query(
      `UPDATE silence_procedures SET status = $2, concluded_at = $3, objectors = $4 WHERE id = $1`,
      [procedure.id, status, now, objectors],
    );
    await appendAudit(manager, {
      ...auditActor(null),
      occurredAt: now,
      draftId: draft.id,
      action: `silence.${status}`,
      details: {
        revision: procedure.revision_number,
        deadline: iso(procedure.deadline),
        ...(objectors.length ? { objectors } : {}),
      },
    });
    if (conclusion.outcome === 'held') {
      const outcome = unwrap(decideSilenceConsensus({ draft: draftFacts(draft) }));
      // Silence deemed consent is the chair's procedure concluding: the declaration is
      // attributed to the chair who started it.
      await manager.query(
        `UPDATE drafts SET status = $2, consensus_method = 'silence', consensus_revision = $3, consensus_at = $4,
                           consensus_by = $5, version = version + 1, updated_at = now() WHERE id = $1`,
        [draft.id, outcome.to, procedure.revision_number, now, procedure.started_by],
      );
      await appendAudit(manager, {
        ...auditActor(null),
        occurredAt: now,
        draftId: draft.id,
        action: 'draft.declare-consensus',
        details: {
          from: outcome.from,
          to: outcome.to,
          method: 'silence',
          revision: procedure.revision_number,
        },
      });
    }
    return true;
  }

  private async cancelSilence(
    manager: EntityManager,
    principal: Principal,
    draftId: string,
    now: Date,
    why: string,
  ) {
    const procedure = await this.drafts.silence(manager, draftId, { lock: true });
    if (!procedure || procedure.status !== 'running') return;
    await manager.query(
      `UPDATE silence_procedures SET status = 'cancelled', concluded_at = $2 WHERE id = $1`,
      [procedure.id, now],
    );
    await appendAudit(manager, {
      ...auditActor(principal),
      occurredAt: now,
      draftId,
      action: 'silence.cancelled',
      details: { revision: procedure.revision_number, reason: why },
    });
  }

  private async currentConsensus(
    manager: EntityManager,
    draft: DraftRow,
    now: Date,
  ): Promise<ConsensusStatus> {
    const revision =
      draft.current_revision > 0
        ? await this.drafts.revision(manager, draft.id, draft.current_revision)
        : null;
    return this.consensusOf(manager, draft, revision?.content ?? null, now);
  }

  private async consensusOf(
    manager: EntityManager,
    draft: DraftRow,
    content: RevisionContent | null,
    now: Date,
  ) {
    const positions =
      draft.current_revision > 0
        ? await this.drafts.positions(manager, draft.id, draft.current_revision)
        : [];
    return this.evaluate(await this.drafts.memberStates(manager), positions, content, now);
  }

  private evaluate(
    members: Awaited<ReturnType<DraftRepository['memberStates']>>,
    positions: PositionRow[],
    content: RevisionContent | null,
    now: Date,
  ): ConsensusStatus {
    return evaluateConsensus({
      members,
      positions: positions.map(toPositionRecord),
      content,
      onDate: now,
    });
  }

  private async meetingFacts(
    manager: EntityManager,
    meetingId: string,
    field?: string,
  ): Promise<MeetingFacts | null> {
    const [row] = await manager.query<{ body_code: string; starts_on: string }[]>(
      `SELECT b.code AS body_code, to_char(m.starts_on, 'YYYY-MM-DD') AS starts_on
         FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE m.id = $1`,
      [meetingId],
    );
    if (!row) {
      if (field) throw invalid(field, `No meeting has the id ${meetingId}.`, 'UNKNOWN_MEETING');
      return null;
    }
    return { bodyCode: row.body_code, opensOn: row.starts_on };
  }

  private revisionView(draft: DraftRow, revision: RevisionRow) {
    return {
      number: revision.number,
      symbol: revisionSymbol(draft.symbol, revision.number),
      title: revision.title,
      preamble: revision.content.preamble,
      operative: revision.content.operative,
      note: revision.note,
      author: revision.author,
      createdAt: iso(revision.created_at)!,
      openBrackets: findOpenBrackets(revision.content).map(
        ({ paragraphId, part, number, excerpt }) => ({
          paragraphId,
          part,
          number,
          excerpt,
        }),
      ),
    };
  }

  private silenceView(silence: SilenceRow) {
    return {
      deadline: iso(silence.deadline)!,
      status: silence.status,
      revision: silence.revision_number,
      startedAt: iso(silence.started_at)!,
      objectors: silence.objectors,
    };
  }
}

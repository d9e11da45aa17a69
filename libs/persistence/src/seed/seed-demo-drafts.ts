import { createHash } from 'node:crypto';
import {
  type RevisionContent,
  type TranslationContent,
  carryTranslation,
  evaluateConsensus,
  formatDocumentSymbol,
} from '@chancery/domain';
import type { EntityManager } from 'typeorm';
import { appendAudit } from '../audit-chain';
import {
  type DemoDraft,
  demoDrafts,
  demoForum,
  demoMeetings,
  demoParticipants,
} from './cica-demo-data';
import type { SeedIds } from './seed-demo';

const SECRETARIAT = 'secretariat@demo.local';

/** Paragraph ids stable across seeds: the same demo paragraph has the same id everywhere. */
function paragraphId(draftKey: string, paragraphKey: string): string {
  const hex = createHash('sha256').update(`${draftKey}/${paragraphKey}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}`);
  return value;
}

/**
 * Writes the demo drafts as the history they would have had: revisions, positions,
 * consensus, adoption and silence, each with its audit entry at the time it happened. The
 * consensus of every draft said to have reached it is checked by the domain's own rule,
 * so the demo never shows a consensus the product would have refused.
 */
export async function seedDemoDrafts(manager: EntityManager, ids: SeedIds): Promise<number> {
  const user = (email: string) => required(ids.users.get(email), `account ${email}`);
  const label = (email: string) => `${email} (demo seed)`;
  const meetingBody = new Map(demoMeetings.map((m) => [m.key, m]));
  const numbers = new Map<string, number>();
  const draftIds = new Map<string, string>();
  const members = demoParticipants
    .filter((p) => p.kind === 'member-state')
    .map((p) => ({ code: p.code, joined: p.joined }));

  for (const draft of demoDrafts) {
    const meeting = draft.meetingKey
      ? required(meetingBody.get(draft.meetingKey), `meeting ${draft.meetingKey}`)
      : null;
    const numberKey = `${draft.adoptingBodyCode}/${draft.meetingKey ?? ''}`;
    const documentNumber = (numbers.get(numberKey) ?? 0) + 1;
    numbers.set(numberKey, documentNumber);
    const symbol = formatDocumentSymbol({
      forum: demoForum.acronym,
      bodyCode: draft.adoptingBodyCode,
      session: meeting && meeting.bodyCode === draft.adoptingBodyCode ? meeting.sequence : null,
      documentNumber,
    });
    const contents = draft.revisions.map((revision): RevisionContent => ({
      title: revision.title,
      preamble: revision.preamble.map((p) => ({ id: paragraphId(draft.key, p.key), text: p.text })),
      operative: revision.operative.map((p) => ({
        id: paragraphId(draft.key, p.key),
        text: p.text,
      })),
    }));
    const last = contents.length;
    const outcome = draft.outcome;
    const created =
      draft.revisions[0]?.createdAt ?? outcome.submittedAt ?? new Date().toISOString();
    checkConsensus(draft, contents[last - 1] ?? null, members);

    // Inserted as proposed and moved to its outcome at the end: the database refuses
    // revisions on an adopted draft, even from the seed.
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO drafts (symbol, document_number, type, title, language, adopting_body_id, meeting_id, penholder_id,
                           created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
      [
        symbol,
        documentNumber,
        draft.type,
        draft.revisions[last - 1]?.title ?? draft.title,
        draft.language,
        required(ids.bodies.get(draft.adoptingBodyCode), `body ${draft.adoptingBodyCode}`),
        draft.meetingKey ? ids.meetings.get(draft.meetingKey) : null,
        required(ids.participants.get(draft.penholder), `state ${draft.penholder}`),
        user(SECRETARIAT),
        created,
      ],
    );
    draftIds.set(draft.key, id);
    const audit = (
      occurredAt: string,
      email: string | null,
      action: string,
      details: Record<string, unknown>,
    ) =>
      appendAudit(manager, {
        occurredAt: new Date(occurredAt),
        actorId: email ? user(email) : null,
        actorLabel: email ? label(email) : 'Chancery (scheduled job)',
        draftId: id,
        action,
        details: { ...details, seeded: true },
      });
    await audit(created, SECRETARIAT, 'draft.registered', {
      symbol,
      type: draft.type,
      title: draft.title,
    });

    for (const [index, revision] of draft.revisions.entries()) {
      const number = index + 1;
      await manager.query(
        `INSERT INTO revisions (draft_id, number, title, content, note, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          number,
          revision.title,
          contents[index],
          revision.note ?? null,
          user(revision.authorEmail),
          revision.createdAt,
        ],
      );
      await audit(revision.createdAt, revision.authorEmail, 'revision.added', { revision: number });
      if (index === 0 && outcome.submittedAt) {
        await audit(outcome.submittedAt, SECRETARIAT, 'draft.submit', {
          from: 'PROPOSED',
          to: 'UNDER_SOC_REVIEW',
        });
      }
    }
    for (const translation of draft.translations ?? []) {
      const base = contents[translation.revision - 1];
      const byId = new Map(
        Object.entries(translation.paragraphs).map(([key, text]) => [
          paragraphId(draft.key, key),
          text,
        ]),
      );
      let version: TranslationContent = {
        title: translation.title,
        titleOutdated: false,
        paragraphs: [...base.preamble, ...base.operative]
          .filter((p) => byId.has(p.id))
          .map((p) => ({ id: p.id, text: byId.get(p.id)!, outdated: false })),
      };
      // Carried to each later revision as the service does: changed paragraphs outdated.
      for (let number = translation.revision; number <= last; number += 1) {
        if (number > translation.revision)
          version = carryTranslation(contents[number - 2], contents[number - 1], version);
        await manager.query(
          `INSERT INTO translations (draft_id, revision_number, language, title, title_outdated, paragraphs,
                                     updated_by, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
          [
            id,
            number,
            translation.language,
            version.title,
            version.titleOutdated,
            JSON.stringify(version.paragraphs),
            user(SECRETARIAT),
            number === translation.revision
              ? translation.enteredAt
              : draft.revisions[number - 1].createdAt,
          ],
        );
      }
    }
    for (const position of draft.positions) {
      await manager.query(
        `INSERT INTO positions (draft_id, revision_number, participant_id, stance, text, paragraphs, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          last,
          required(ids.participants.get(position.stateCode), `state ${position.stateCode}`),
          position.stance,
          position.text ?? null,
          (position.paragraphKeys ?? []).map((key) => paragraphId(draft.key, key)),
          user(`delegate.${position.stateCode.toLowerCase()}@demo.local`),
          position.recordedAt,
        ],
      );
      await audit(
        position.recordedAt,
        `delegate.${position.stateCode.toLowerCase()}@demo.local`,
        'position.recorded',
        {
          state: position.stateCode,
          revision: last,
          stance: position.stance,
        },
      );
    }
    if (outcome.silence) {
      const concluded = outcome.consensus?.method === 'silence';
      await manager.query(
        `INSERT INTO silence_procedures (draft_id, revision_number, deadline, status, started_by, started_at, concluded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          last,
          outcome.silence.deadline,
          concluded ? 'held' : 'running',
          user(outcome.silence.startedByEmail),
          outcome.silence.startedAt,
          concluded ? outcome.silence.deadline : null,
        ],
      );
      await audit(outcome.silence.startedAt, outcome.silence.startedByEmail, 'silence.started', {
        revision: last,
        deadline: outcome.silence.deadline,
      });
      if (concluded)
        await audit(outcome.silence.deadline, null, 'silence.held', { revision: last });
    }
    if (outcome.consensus) {
      await audit(
        outcome.consensus.declaredAt,
        outcome.consensus.declaredByEmail,
        'draft.declare-consensus',
        {
          from: 'UNDER_SOC_REVIEW',
          to: 'CONSENSUS',
          method: outcome.consensus.method,
          revision: last,
        },
      );
    }
    if (outcome.adoption) {
      await audit(outcome.adoption.adoptedAt, outcome.adoption.adoptedByEmail, 'draft.adopt', {
        from: 'CONSENSUS',
        to: 'ADOPTED',
        revision: last,
      });
    }
    await manager.query(
      `UPDATE drafts SET status = $2, current_revision = $3, consensus_method = $4, consensus_revision = $5,
                         consensus_at = $6, consensus_by = $7, adopted_at = $8, adopted_meeting_id = $9, adopted_by = $10
        WHERE id = $1`,
      [
        id,
        outcome.status,
        last,
        outcome.consensus?.method ?? null,
        outcome.consensus ? last : null,
        outcome.consensus?.declaredAt ?? null,
        outcome.consensus ? user(outcome.consensus.declaredByEmail) : null,
        outcome.adoption?.adoptedAt ?? null,
        outcome.adoption ? ids.meetings.get(outcome.adoption.meetingKey) : null,
        outcome.adoption ? user(outcome.adoption.adoptedByEmail) : null,
      ],
    );
  }

  for (const meeting of demoMeetings) {
    const itemIds = ids.agendaItems.get(meeting.key) ?? [];
    for (const [index, item] of meeting.agenda.entries()) {
      for (const draftKey of item.draftKeys ?? []) {
        await manager.query(
          'INSERT INTO agenda_item_drafts (agenda_item_id, draft_id) VALUES ($1, $2)',
          [itemIds[index], required(draftIds.get(draftKey), `draft ${draftKey}`)],
        );
      }
    }
  }
  return demoDrafts.length;
}

function checkConsensus(
  draft: DemoDraft,
  content: RevisionContent | null,
  members: { code: string; joined: string | null }[],
): void {
  const consensus = draft.outcome.consensus;
  if (!consensus || consensus.method !== 'explicit') return;
  const status = evaluateConsensus({
    members,
    positions: draft.positions.map((p) => ({
      stateCode: p.stateCode,
      stance: p.stance,
      text: p.text ?? null,
      recordedAt: new Date(p.recordedAt),
    })),
    content,
    onDate: new Date(consensus.declaredAt),
  });
  if (!status.reached)
    throw new Error(`Demo draft ${draft.key} claims a consensus the rules would refuse`);
}

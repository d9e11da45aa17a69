import type { DataSource, EntityManager } from 'typeorm';
import {
  demoAccounts,
  demoBodies,
  demoChairmanships,
  demoForum,
  demoLanguages,
  demoMeetings,
  demoParticipants,
} from './cica-demo-data';
import { seedDemoDrafts } from './seed-demo-drafts';

const SEED_LOCK_KEY = 7_243_002;
/** The body under whose review drafts are negotiated; data, not a rule of the code. */
const DEMO_REVIEWING_BODY = 'SOC';

export interface SeedResult {
  seeded: boolean;
  participants: number;
  meetings: number;
  users: number;
  drafts: number;
}

export interface SeedIds {
  participants: Map<string, string>;
  bodies: Map<string, string>;
  meetings: Map<string, string>;
  agendaItems: Map<string, string[]>;
  users: Map<string, string>;
}

export interface SeedHooks {
  /** Hashes the demo password; injected so the persistence library carries no crypto policy. */
  hashPassword(password: string): Promise<string>;
  /** Lets later features (drafts) seed their part inside the same transaction. */
  extend?: (manager: EntityManager, ids: SeedIds) => Promise<void>;
}

async function insertReturningId(
  manager: EntityManager,
  sql: string,
  values: unknown[],
): Promise<string> {
  const rows = await manager.query<{ id: string }[]>(`${sql} RETURNING id`, values);
  return rows[0].id;
}

/**
 * Seeds the demo forum once: an empty database gets it, a seeded one is left alone, and two
 * replicas starting at once cannot both seed (advisory lock, then the check, then the insert).
 */
export async function seedDemo(dataSource: DataSource, hooks: SeedHooks): Promise<SeedResult> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const [{ count }] = await manager.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM forum',
    );
    if (count > 0) return { seeded: false, participants: 0, meetings: 0, users: 0, drafts: 0 };

    await manager.query('INSERT INTO forum (id, acronym, name, seat) VALUES (1, $1, $2, $3)', [
      demoForum.acronym,
      demoForum.name,
      demoForum.secretariatSeat,
    ]);
    for (const [index, l] of demoLanguages.entries()) {
      await manager.query(
        `INSERT INTO languages (code, name, native_name, locale, forum_name, forum_acronym, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
        [l.code, l.name, l.nativeName, l.locale, l.forumName, l.forumAcronym, index + 1],
      );
    }

    const ids: SeedIds = {
      participants: new Map(),
      bodies: new Map(),
      meetings: new Map(),
      agendaItems: new Map(),
      users: new Map(),
    };
    for (const p of demoParticipants) {
      const id = await insertReturningId(
        manager,
        `INSERT INTO participants (code, kind, name, name_ru, joined, uncertain, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [p.code, p.kind, p.name, p.nameRu, p.joined, p.uncertain ?? false, p.note ?? null],
      );
      ids.participants.set(p.code, id);
    }
    for (const b of demoBodies) {
      const id = await insertReturningId(
        manager,
        `INSERT INTO bodies (code, name, name_ru, level, adopts, reviews_drafts, meets_every_years, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          b.code,
          b.name,
          b.nameRu,
          b.level,
          b.adopts,
          b.code === DEMO_REVIEWING_BODY,
          b.meetsEveryYears,
          b.note ?? null,
        ],
      );
      ids.bodies.set(b.code, id);
    }
    for (const c of demoChairmanships) {
      await manager.query(
        `INSERT INTO chairmanships (participant_id, starts_on, ends_on, uncertain, note) VALUES ($1, $2, $3, $4, $5)`,
        [ids.participants.get(c.stateCode), c.from, c.to, c.uncertain ?? false, c.note ?? null],
      );
    }
    for (const m of demoMeetings) {
      const meetingId = await insertReturningId(
        manager,
        `INSERT INTO meetings (body_id, sequence, title, title_ru, starts_on, ends_on, venue, venue_ru, format,
                               chair, co_chairs, status, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          ids.bodies.get(m.bodyCode),
          m.sequence,
          m.title,
          m.titleRu,
          m.startsOn,
          m.endsOn,
          m.venue,
          m.venueRu,
          m.format,
          m.chair,
          m.coChairs,
          m.status,
          m.note,
        ],
      );
      ids.meetings.set(m.key, meetingId);
      const itemIds: string[] = [];
      for (const [index, item] of m.agenda.entries()) {
        itemIds.push(
          await insertReturningId(
            manager,
            `INSERT INTO agenda_items (meeting_id, number, title, title_ru, annotation, annotation_ru)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [meetingId, index + 1, item.title, item.titleRu, item.annotation, item.annotationRu],
          ),
        );
      }
      ids.agendaItems.set(m.key, itemIds);
    }

    // One hash for every demo account: they share the published password "demo" anyway,
    // and hashing 30 times would make every test database slower to seed.
    const passwordHash = await hooks.hashPassword('demo');
    const accounts = demoAccounts();
    for (const account of accounts) {
      const userId = await insertReturningId(
        manager,
        'INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3)',
        [account.email, account.displayName, passwordHash],
      );
      ids.users.set(account.email, userId);
      for (const role of account.roles) {
        const bodyCodes: (string | null)[] = role === 'chair' ? (account.chairOf ?? []) : [null];
        for (const bodyCode of bodyCodes) {
          await manager.query(
            'INSERT INTO user_roles (user_id, role, body_id, participant_id) VALUES ($1, $2, $3, $4)',
            [
              userId,
              role,
              bodyCode ? ids.bodies.get(bodyCode) : null,
              role === 'delegate' && account.stateCode
                ? ids.participants.get(account.stateCode)
                : null,
            ],
          );
        }
      }
    }
    const drafts = await seedDemoDrafts(manager, ids);
    await hooks.extend?.(manager, ids);
    return {
      seeded: true,
      participants: demoParticipants.length,
      meetings: demoMeetings.length,
      users: accounts.length,
      drafts,
    };
  });
}

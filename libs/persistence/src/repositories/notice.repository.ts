import {
  isLanguage,
  isNoticeKind,
  type Language,
  type NoticeFacts,
  type NoticeKind,
  type NoticeRecipient,
  type PlannedNotice,
} from '@chancery/domain';
import { localized } from './localized';
import type { EntityManager } from 'typeorm';

export interface NoticeRow {
  id: string;
  kind: NoticeKind;
  draft_id: string | null;
  facts: NoticeFacts;
  created_at: Date;
  read_at: Date | null;
}

/** A notice to mail, with what its mail needs to know of the recipient. */
export interface DueNoticeRow extends NoticeRow {
  attempts: number;
  message_id: string;
  email: string;
  display_name: string;
  language: Language;
  time_zone: string;
  state_code: string | null;
}

/** Member states' names in a language, by code. */
export type StateNames = (language: string) => ReadonlyMap<string, string>;

/** The notices outbox and each user's settings: queries only. */
export class NoticeRepository {
  /** Every delegate of a member state, with the language, zone and opt-outs they chose. */
  async delegates(manager: EntityManager): Promise<NoticeRecipient[]> {
    const rows = await manager.query<
      {
        user_id: string;
        state_code: string;
        language: string;
        time_zone: string;
        opt_out: string[];
      }[]
    >(
      `SELECT u.id AS user_id, p.code AS state_code, coalesce(u.language, 'en') AS language, u.time_zone,
              coalesce(s.opt_out, '{}') AS opt_out
         FROM user_roles r
         JOIN users u ON u.id = r.user_id AND u.active
         JOIN participants p ON p.id = r.participant_id AND p.kind = 'member-state'
         LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE r.role = 'delegate'
        ORDER BY p.code, u.email`,
    );
    return rows.map((row) => ({
      userId: row.user_id,
      stateCode: row.state_code,
      language: isLanguage(row.language) ? row.language : 'en',
      timeZone: row.time_zone,
      optOut: row.opt_out.filter(isNoticeKind),
    }));
  }

  /**
   * Writes the notices of one change, one statement per group. Each gets its Message-ID now,
   * from its own id, so that every later attempt to mail it sends the same one. Returns their
   * ids (all of them to be mailed when `mail` is set).
   */
  async insert(
    manager: EntityManager,
    notices: readonly PlannedNotice[],
    options: { mail: boolean; messageIdDomain: string; now: Date },
  ): Promise<string[]> {
    const ids: string[] = [];
    if (notices.length === 0) return ids;
    // One change's notices share kind, draft and facts; only the recipient differs.
    const groups = new Map<string, PlannedNotice[]>();
    for (const notice of notices) {
      const key = `${notice.kind}\u0000${notice.draftId}\u0000${JSON.stringify(notice.facts)}`;
      groups.set(key, [...(groups.get(key) ?? []), notice]);
    }
    for (const group of groups.values()) {
      const [{ kind, draftId, facts }] = group;
      const rows = await manager.query<{ id: string }[]>(
        `INSERT INTO notices (id, recipient_id, kind, draft_id, facts, created_at, delivery, message_id)
         SELECT t.id, t.recipient_id, $2, $3, $4::jsonb, $5, $6::text, '<notice.' || t.id || '@' || $7 || '>'
           FROM (SELECT gen_random_uuid() AS id, r AS recipient_id FROM unnest($1::uuid[]) AS r) t
         RETURNING id`,
        [
          group.map((notice) => notice.recipientId),
          kind,
          draftId,
          JSON.stringify(facts),
          options.now,
          options.mail ? 'pending' : 'inbox',
          options.messageIdDomain,
        ],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  async forRecipient(manager: EntityManager, userId: string, limit: number): Promise<NoticeRow[]> {
    return manager.query(
      `SELECT id, kind, draft_id, facts, created_at, read_at FROM notices
        WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  /** Marks one notice (or, without an id, all of them) read; returns how many changed. */
  async markRead(
    manager: EntityManager,
    userId: string,
    noticeId: string | null,
    now: Date,
  ): Promise<number> {
    const rows = await manager.query<{ id: string }[]>(
      `UPDATE notices SET read_at = $3
        WHERE recipient_id = $1 AND read_at IS NULL AND ($2::uuid IS NULL OR id = $2)
        RETURNING id`,
      [userId, noticeId, now],
    );
    return rows.length;
  }

  async optOut(manager: EntityManager, userId: string): Promise<NoticeKind[]> {
    const [row] = await manager.query<{ opt_out: string[] }[]>(
      'SELECT opt_out FROM notification_settings WHERE user_id = $1',
      [userId],
    );
    return (row?.opt_out ?? []).filter(isNoticeKind);
  }

  async saveOptOut(manager: EntityManager, userId: string, kinds: readonly NoticeKind[]) {
    await manager.query(
      `INSERT INTO notification_settings (user_id, opt_out, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET opt_out = EXCLUDED.opt_out, updated_at = now()`,
      [userId, kinds],
    );
  }

  /**
   * A notice still to be mailed, with its recipient: pending, or failed and being retried by
   * hand (null once it is sent, or if it is gone).
   */
  async toMail(manager: EntityManager, id: string): Promise<DueNoticeRow | null> {
    const [row] = await manager.query<DueNoticeRow[]>(
      `SELECT n.id, n.kind, n.draft_id, n.facts, n.created_at, n.read_at, n.attempts, n.message_id,
              u.email, u.display_name, coalesce(u.language, 'en') AS language, u.time_zone,
              (SELECT p.code FROM user_roles r JOIN participants p ON p.id = r.participant_id
                WHERE r.user_id = u.id AND r.role = 'delegate' LIMIT 1) AS state_code
         FROM notices n JOIN users u ON u.id = n.recipient_id
        WHERE n.id = $1 AND n.delivery IN ('pending', 'failed')`,
      [id],
    );
    return row ?? null;
  }

  /** The notices waiting for mail (a restart enqueues their jobs again, harmlessly). */
  async pendingMail(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM notices WHERE delivery = 'pending' ORDER BY created_at`,
    );
    return rows.map((row) => row.id);
  }

  async markSent(manager: EntityManager, id: string, now: Date): Promise<void> {
    await manager.query(
      `UPDATE notices SET delivery = 'sent', sent_at = $2, attempts = attempts + 1, last_error = NULL
        WHERE id = $1 AND delivery <> 'sent'`,
      [id, now],
    );
  }

  /** An attempt that failed and will be retried: counted, with what the server said. */
  async markAttempt(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE notices SET delivery = 'pending', attempts = attempts + 1, last_error = $2
        WHERE id = $1 AND delivery <> 'sent'`,
      [id, error],
    );
  }

  async markFailed(manager: EntityManager, id: string, error: string): Promise<void> {
    await manager.query(
      `UPDATE notices SET delivery = 'failed', attempts = attempts + 1, last_error = $2
        WHERE id = $1 AND delivery <> 'sent'`,
      [id, error],
    );
  }

  async meetingTitle(manager: EntityManager, meetingId: string): Promise<string | null> {
    const [row] = await manager.query<{ title: string }[]>(
      'SELECT title FROM meetings WHERE id = $1',
      [meetingId],
    );
    return row?.title ?? null;
  }

  /** The language and time zone a user reads notices in (null for an unknown user). */
  async readerSettings(
    manager: EntityManager,
    userId: string,
  ): Promise<{ language: string; time_zone: string } | null> {
    const [row] = await manager.query<{ language: string; time_zone: string }[]>(
      'SELECT language, time_zone FROM users WHERE id = $1',
      [userId],
    );
    return row ?? null;
  }

  async isRecipient(manager: EntityManager, noticeId: string, userId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM notices WHERE id = $1 AND recipient_id = $2',
      [noticeId, userId],
    );
    return rows.length > 0;
  }

  async stateNames(manager: EntityManager): Promise<StateNames> {
    const rows = await manager.query<{ code: string; name: string; name_ru: string }[]>(
      `SELECT code, name, name_ru FROM participants WHERE kind = 'member-state'`,
    );
    return (language) => new Map(rows.map((row) => [row.code, localized(row, 'name', language)]));
  }
}

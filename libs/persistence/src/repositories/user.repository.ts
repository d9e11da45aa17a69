import type { Role } from '@chancery/domain';
import type { EntityManager } from 'typeorm';

export interface PrincipalRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  active: boolean;
  roles: Role[] | null;
  chair_of: string[] | null;
  state_code: string | null;
  /** The desk's header shows it on every page: read with the principal, not in a query of its own. */
  unread_notices: number;
  /** Null until the user chooses one. */
  language: string | null;
  time_zone: string;
  /** Asked with a session id: whether that session of this user is open (not revoked or expired). */
  session_open?: boolean;
}

/** Queries only: a user with roles, chaired bodies and delegation, in one query. */
export class UserRepository {
  async principal(
    manager: EntityManager,
    by: 'email' | 'id',
    value: string,
    sessionId?: string,
  ): Promise<PrincipalRow | null> {
    // Every authenticated request asks this: the session is checked in the same round trip.
    const session =
      sessionId === undefined
        ? ''
        : `EXISTS (SELECT 1 FROM sessions s
                    WHERE s.id = $2 AND s.user_id = u.id
                      AND s.revoked_at IS NULL AND s.expires_at > now()) AS session_open,`;
    const rows = await manager.query<PrincipalRow[]>(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.active, u.language, u.time_zone,
              ${session}
              array_agg(DISTINCT r.role) FILTER (WHERE r.role IS NOT NULL) AS roles,
              array_agg(DISTINCT b.code) FILTER (WHERE b.code IS NOT NULL) AS chair_of,
              max(p.code) AS state_code,
              (SELECT count(*)::int FROM notices n WHERE n.recipient_id = u.id AND n.read_at IS NULL)
                AS unread_notices
         FROM users u
         LEFT JOIN user_roles r ON r.user_id = u.id
         LEFT JOIN bodies b ON b.id = r.body_id
         LEFT JOIN participants p ON p.id = r.participant_id
        WHERE ${by === 'email' ? 'u.email' : 'u.id'} = $1
        GROUP BY u.id`,
      sessionId === undefined ? [value] : [value, sessionId],
    );
    return rows[0] ?? null;
  }
}

export interface UserSettingsRow {
  language: string | null;
  time_zone: string;
}

/** A user's language and time zone (the desk and the mail notices print in them). */
export class UserSettingsRepository {
  async find(manager: EntityManager, userId: string): Promise<UserSettingsRow | null> {
    const rows = await manager.query<UserSettingsRow[]>(
      'SELECT language, time_zone FROM users WHERE id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Changes what is given (undefined leaves a column as it is) and answers the result. */
  async save(
    manager: EntityManager,
    userId: string,
    settings: { language?: string; timeZone?: string },
  ): Promise<UserSettingsRow | null> {
    const [rows] = await manager.query<[UserSettingsRow[], number]>(
      `UPDATE users
          SET language = coalesce($2, language), time_zone = coalesce($3, time_zone)
        WHERE id = $1
        RETURNING language, time_zone`,
      [userId, settings.language ?? null, settings.timeZone ?? null],
    );
    return rows[0] ?? null;
  }
}

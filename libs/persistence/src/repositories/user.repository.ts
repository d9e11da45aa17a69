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
}

/** Queries only: a user with roles, chaired bodies and delegation, in one query. */
export class UserRepository {
  async principal(
    manager: EntityManager,
    by: 'email' | 'id',
    value: string,
  ): Promise<PrincipalRow | null> {
    const rows = await manager.query<PrincipalRow[]>(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.active,
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
      [value],
    );
    return rows[0] ?? null;
  }
}

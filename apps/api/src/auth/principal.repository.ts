import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@chancery/domain';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';

interface PrincipalRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  active: boolean;
  roles: Role[] | null;
  chair_of: string[] | null;
  state_code: string | null;
}

/** One query turns a user into a Principal: roles, chaired bodies and delegation. */
@Injectable()
export class PrincipalRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private async find(
    where: string,
    value: string,
  ): Promise<(Principal & { passwordHash: string; active: boolean }) | null> {
    const rows = await this.dataSource.query<PrincipalRow[]>(
      `SELECT u.id, u.email, u.display_name, u.password_hash, u.active,
              array_agg(DISTINCT r.role) FILTER (WHERE r.role IS NOT NULL) AS roles,
              array_agg(DISTINCT b.code) FILTER (WHERE b.code IS NOT NULL) AS chair_of,
              max(p.code) AS state_code
         FROM users u
         LEFT JOIN user_roles r ON r.user_id = u.id
         LEFT JOIN bodies b ON b.id = r.body_id
         LEFT JOIN participants p ON p.id = r.participant_id
        WHERE ${where} = $1
        GROUP BY u.id`,
      [value],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles ?? [],
      chairOf: row.chair_of ?? [],
      stateCode: row.state_code,
      passwordHash: row.password_hash,
      active: row.active,
    };
  }

  findByEmail(email: string) {
    return this.find('u.email', email.trim().toLowerCase());
  }

  findById(id: string) {
    return this.find('u.id', id);
  }
}

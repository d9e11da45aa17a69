import { Inject, Injectable } from '@nestjs/common';
import { UserRepository } from '@chancery/persistence';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';

/** One query turns a user into a Principal: roles, chaired bodies and delegation. */
@Injectable()
export class PrincipalRepository {
  private readonly users = new UserRepository();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private async find(
    where: 'email' | 'id',
    value: string,
    sessionId?: string,
  ): Promise<(Principal & { passwordHash: string; active: boolean; sessionOpen: boolean }) | null> {
    const row = await this.users.principal(this.dataSource.manager, where, value, sessionId);
    if (!row) return null;
    return {
      userId: row.id,
      email: row.email,
      displayName: row.display_name,
      roles: row.roles ?? [],
      chairOf: row.chair_of ?? [],
      stateCode: row.state_code,
      unreadNotices: row.unread_notices,
      language: row.language,
      timeZone: row.time_zone,
      passwordHash: row.password_hash,
      active: row.active,
      sessionOpen: row.session_open ?? false,
    };
  }

  findByEmail(email: string) {
    return this.find('email', email.trim().toLowerCase());
  }

  /** The user, and whether the session (a token's) is still open: one query per request. */
  findInSession(id: string, sessionId: string) {
    return this.find('id', id, sessionId);
  }
}

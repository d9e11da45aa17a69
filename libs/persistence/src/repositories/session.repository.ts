import type { DataSource } from 'typeorm';

/**
 * Server-side sessions: a token is honoured only while its session row is neither revoked nor
 * expired (checked with the principal, in UserRepository.principal).
 */
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async open(userId: string, ttlSeconds: number): Promise<string> {
    const [{ id }] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO sessions (user_id, expires_at) VALUES ($1, now() + make_interval(secs => $2))
       RETURNING id`,
      [userId, ttlSeconds],
    );
    return id;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }
}

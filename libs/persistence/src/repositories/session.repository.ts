import type { DataSource } from 'typeorm';

/** Server-side sessions: a token is honoured only while its session row is neither revoked nor expired. */
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

  async isActive(sessionId: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM sessions
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, userId],
    );
    return rows.length > 0;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [sessionId],
    );
  }
}

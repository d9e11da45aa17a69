import type { DataSource } from 'typeorm';

export interface StoredAnswer {
  requestHash: string;
  /** null while the first request is still being answered. */
  statusCode: number | null;
  headers: Record<string, string>;
  body: string | null;
}

/** How long a key is remembered (DESIGN.md: keys live 24 h). */
const KEY_LIFETIME = '24 hours';

/** Idempotency keys in PostgreSQL, so a retry reaching another replica finds the first answer. */
export class IdempotencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the key for this request. The primary key decides between identical requests racing
   * each other (on any replica): exactly one insert succeeds.
   */
  async claim(userId: string, key: string, requestHash: string): Promise<boolean> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys
        WHERE user_id = $1 AND key = $2 AND created_at < now() - interval '${KEY_LIFETIME}'`,
      [userId, key],
    );
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO NOTHING RETURNING 1`,
      [userId, key, requestHash],
    );
    return inserted.length > 0;
  }

  async find(userId: string, key: string): Promise<StoredAnswer | null> {
    const [row] = await this.dataSource.query<
      {
        request_hash: string;
        status_code: number | null;
        response_headers: Record<string, string> | null;
        response_body: string | null;
      }[]
    >(
      `SELECT request_hash, status_code, response_headers, response_body
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!row) return null;
    return {
      requestHash: row.request_hash,
      statusCode: row.status_code,
      headers: row.response_headers ?? {},
      body: row.response_body,
    };
  }

  async complete(
    userId: string,
    key: string,
    answer: { statusCode: number; headers: Record<string, string>; body: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status_code = $3, response_headers = $4, response_body = $5
        WHERE user_id = $1 AND key = $2`,
      [userId, key, answer.statusCode, answer.headers, answer.body],
    );
  }

  /** Frees the key of a request that was refused or failed (nothing was applied). */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL',
      [userId, key],
    );
  }

  /** Forgets keys past their lifetime (called now and then, by any replica). */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE created_at < now() - interval '${KEY_LIFETIME}'`,
    );
  }
}

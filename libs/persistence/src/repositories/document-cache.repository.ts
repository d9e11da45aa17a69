import type { DataSource } from 'typeorm';

export interface CachedDocument {
  content: Buffer;
  sha256: string;
}

export interface DocumentToCache extends CachedDocument {
  key: string;
  /** What the file is, for whoever looks at the table (symbol, name, language). */
  document: string;
}

/** A hit refreshes its last use at most this often: 28 readers of one file are not 28 writes. */
const TOUCH_AFTER = '1 minute';

/**
 * Queries only: rendered files by content hash, with their size cap, and the claims that let one
 * replica render a content while the others wait. Decisions (what a key is, when to wait) are the
 * documents service's.
 */
export class DocumentCacheRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(key: string): Promise<CachedDocument | null> {
    const [row] = await this.dataSource.query<(CachedDocument & { stale: boolean })[]>(
      `SELECT content, sha256, last_used_at < now() - interval '${TOUCH_AFTER}' AS stale
         FROM document_cache WHERE key = $1`,
      [key],
    );
    if (!row) return null;
    if (row.stale) {
      await this.dataSource.query(`UPDATE document_cache SET last_used_at = now() WHERE key = $1`, [
        key,
      ]);
    }
    return { content: row.content, sha256: row.sha256 };
  }

  /** True when this owner may render the key now: nobody holds it, or their claim has expired. */
  async claim(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO document_render_claims (key, owner, expires_at)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
        WHERE document_render_claims.expires_at < now()
       RETURNING key`,
      [key, owner, ttlMs],
    );
    return rows.length === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM document_render_claims WHERE key = $1 AND owner = $2`,
      [key, owner],
    );
  }

  /**
   * Stores a rendered file and gives up its claim in one transaction, then evicts the least
   * recently used files beyond the cap (never the one just stored).
   */
  async store(entry: DocumentToCache, owner: string, capBytes: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO document_cache (key, document, content, bytes, sha256)
         VALUES ($1, $2, $3::bytea, octet_length($3::bytea), $4)
         ON CONFLICT (key) DO UPDATE SET renders = document_cache.renders + 1, last_used_at = now()`,
        [entry.key, entry.document, entry.content, entry.sha256],
      );
      await manager.query(`DELETE FROM document_render_claims WHERE key = $1 AND owner = $2`, [
        entry.key,
        owner,
      ]);
    });
    await this.dataSource.query(
      `DELETE FROM document_cache WHERE key IN (
         SELECT key FROM (
           SELECT key, sum(bytes) OVER (ORDER BY last_used_at DESC, key) AS running FROM document_cache
         ) ranked WHERE running > $1 AND key <> $2)`,
      [capBytes, entry.key],
    );
  }

  /** How often each key was rendered (a second render of a key means the single flight failed). */
  async renders(key: string): Promise<number> {
    const [row] = await this.dataSource.query<{ renders: number }[]>(
      `SELECT renders FROM document_cache WHERE key = $1`,
      [key],
    );
    return row?.renders ?? 0;
  }
}

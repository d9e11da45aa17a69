import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A rendered Word file, keyed by the content hash of its inputs (written by DocumentCacheRepository). */
@Entity('document_cache')
@Index('document_cache_last_used_at', ['lastUsedAt'])
@Check('document_cache_key_check', `key ~ '^[0-9a-f]{64}$'`)
@Check('document_cache_bytes_check', `bytes = octet_length(content)`)
@Check('document_cache_sha256_check', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('document_cache_renders_check', `renders > 0`)
export class DocumentCacheEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'document_cache_pkey' })
  key!: string;
  @Column({ type: 'text' }) document!: string;
  @Column({ type: 'bytea' }) content!: Buffer;
  @Column({ type: 'integer' }) bytes!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'integer', default: 1 }) renders!: number;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastUsedAt!: Date;
}

/** One replica rendering a content now; the others wait for its document_cache row. */
@Entity('document_render_claims')
export class DocumentRenderClaimEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'document_render_claims_pkey' })
  key!: string;
  @Column({ type: 'uuid' }) owner!: string;
  @Column({ type: 'timestamptz' }) expiresAt!: Date;
}

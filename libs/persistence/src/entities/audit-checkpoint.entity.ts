import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The audit chain's head after an append (its sequence, hash and number of entries) with an
 * HMAC under AUDIT_KEY, which the database does not hold: a rewritten or truncated chain no
 * longer matches a checkpoint, and nobody without the key can write a new one. Append-only
 * (triggers, which TypeORM does not see).
 */
@Entity('audit_checkpoints')
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_checkpoints_pkey' })
  seq!: string;
  @Column({ type: 'text' }) hash!: string;
  @Column({ type: 'bigint' }) entries!: string;
  @Column({ type: 'text' }) mac!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DraftEntity } from './draft.entity';
import { UserEntity } from './user.entity';

/**
 * One entry of the append-only, hash-chained audit log (written through `appendAudit`; triggers
 * refuse UPDATE, DELETE and TRUNCATE, which TypeORM does not see).
 */
@Entity('audit_log')
@Unique('audit_log_hash_key', ['hash'])
@Index('audit_log_draft_id', ['draftId', 'seq'])
export class AuditLogEntity {
  /** bigint arrives from node-postgres as a string. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'audit_log_pkey',
  })
  seq!: string;
  @Column({ type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'audit_log_actor_id_fkey', onDelete: 'RESTRICT' })
  actorId!: string | null;
  @Column({ type: 'text' }) actorLabel!: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => DraftEntity, { name: 'audit_log_draft_id_fkey', onDelete: 'RESTRICT' })
  draftId!: string | null;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details!: Record<string, unknown>;
  @Column({ type: 'text' }) prevHash!: string;
  @Column({ type: 'text' }) hash!: string;
}

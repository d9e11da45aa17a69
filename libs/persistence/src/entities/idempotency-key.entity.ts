import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * The first answer to a POST sent with an Idempotency-Key, per user: a retry with the same key
 * and body gets it again instead of applying the change twice. A row without a status is a
 * request still in progress.
 */
@Entity('idempotency_keys')
@Index('idempotency_keys_created_at', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  @ForeignKey(() => UserEntity, { name: 'idempotency_keys_user_id_fkey', onDelete: 'CASCADE' })
  userId!: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' }) key!: string;
  @Column({ type: 'text' }) requestHash!: string;
  @Column({ type: 'integer', nullable: true }) statusCode!: number | null;
  @Column({ type: 'jsonb', nullable: true }) responseHeaders!: Record<string, string> | null;
  @Column({ type: 'text', nullable: true }) responseBody!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

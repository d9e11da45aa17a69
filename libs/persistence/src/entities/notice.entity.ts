import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DraftEntity } from './draft.entity';
import { UserEntity } from './user.entity';

const KINDS = `'under-review', 'revision', 'silence-started', 'silence-broken', 'consensus', 'adopted', 'amendment'`;

/**
 * One notice to one user: the outbox row written in the change's own transaction, then shown
 * in the desk's inbox and (with a mail server) delivered by mail after commit, by a job
 * (`mail-notice`, its id the notice's) enqueued in the same transaction.
 */
@Entity('notices')
@Unique('notices_message_id_key', ['messageId'])
@Index('notices_recipient', ['recipientId', 'createdAt'])
@Index('notices_draft_id', ['draftId'])
@Check('notices_kind_check', `kind IN (${KINDS})`)
@Check('notices_delivery_check', `delivery IN ('inbox', 'pending', 'sent', 'failed')`)
@Check('notices_attempts_check', `attempts >= 0`)
@Check('notices_check1', `(delivery = 'sent') = (sent_at IS NOT NULL)`)
export class NoticeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notices_pkey' }) id!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'notices_recipient_id_fkey', onDelete: 'CASCADE' })
  recipientId!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => DraftEntity, { name: 'notices_draft_id_fkey', onDelete: 'CASCADE' })
  draftId!: string | null;
  @Column({ type: 'jsonb' }) facts!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
  @Column({ type: 'varchar', length: 16 }) delivery!: string;
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'text' }) messageId!: string;
}

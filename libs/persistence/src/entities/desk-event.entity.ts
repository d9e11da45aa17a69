import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DraftEntity } from './draft.entity';

/**
 * What the live desk is told (a position recorded, a status changed), kept for a while so a
 * page that lost its stream resumes from the last id it saw (Last-Event-ID).
 */
@Entity('desk_events')
@Index('desk_events_created_at', ['createdAt'])
@Index('desk_events_draft_id', ['draftId'])
@Check('desk_events_type_check', `btrim(type) <> ''`)
export class DeskEventEntity {
  /** bigint arrives from node-postgres as a string. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'desk_events_pkey',
  })
  id!: string;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => DraftEntity, { name: 'desk_events_draft_id_fkey', onDelete: 'CASCADE' })
  draftId!: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload!: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

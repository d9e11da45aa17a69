import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AgendaItemEntity } from './agenda-item.entity';
import { BodyEntity } from './body.entity';

@Entity('meetings')
@Unique('meetings_body_id_sequence_key', ['bodyId', 'sequence'])
@Index('meetings_body_id', ['bodyId'])
@Check('meetings_sequence_check', `sequence > 0`)
@Check('meetings_title_check', `btrim(title) <> ''`)
@Check('meetings_format_check', `format IN ('in-person', 'videoconference', 'hybrid')`)
@Check('meetings_status_check', `status IN ('planned', 'convened', 'closed', 'cancelled')`)
@Check('meetings_version_check', `version > 0`)
@Check('meetings_check', `ends_on >= starts_on`)
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'meetings_pkey' }) id!: string;
  @Column({ type: 'uuid' }) bodyId!: string;
  @ManyToOne(() => BodyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'body_id', foreignKeyConstraintName: 'meetings_body_id_fkey' })
  body!: BodyEntity;
  @Column({ type: 'integer' }) sequence!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) titleRu!: string | null;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date' }) endsOn!: string;
  @Column({ type: 'text', nullable: true }) venue!: string | null;
  @Column({ type: 'text', nullable: true }) venueRu!: string | null;
  @Column({ type: 'varchar', length: 16 }) format!: string;
  @Column({ type: 'text', nullable: true }) chair!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) coChairs!: string[];
  @Column({ type: 'varchar', length: 16, default: 'planned' }) status!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** Compare-and-set guard for concurrent edits (the ETag). */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @OneToMany(() => AgendaItemEntity, (item) => item.meeting) agendaItems!: AgendaItemEntity[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

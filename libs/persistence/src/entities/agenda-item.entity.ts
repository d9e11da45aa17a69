import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Entity('agenda_items')
// Deferred so that a reorder can renumber every item inside one transaction.
@Unique('agenda_items_number_unique', ['meetingId', 'number'], { deferrable: 'INITIALLY DEFERRED' })
@Check('agenda_items_number_check', `number > 0`)
@Check('agenda_items_title_check', `btrim(title) <> ''`)
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'agenda_items_pkey' }) id!: string;
  @Column({ type: 'uuid' }) meetingId!: string;
  @ManyToOne(() => MeetingEntity, (meeting) => meeting.agendaItems, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'agenda_items_meeting_id_fkey' })
  // Relation<> keeps the class out of the emitted design:type metadata: agenda items and meetings
  // import each other, and whichever loads second would otherwise meet the other uninitialised.
  meeting!: Relation<MeetingEntity>;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) titleRu!: string | null;
  @Column({ type: 'text', nullable: true }) annotation!: string | null;
  @Column({ type: 'text', nullable: true }) annotationRu!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

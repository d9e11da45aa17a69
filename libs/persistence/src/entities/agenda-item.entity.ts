import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MeetingEntity } from './meeting.entity';

@Entity('agenda_items')
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) meetingId!: string;
  @ManyToOne(() => MeetingEntity, (meeting) => meeting.agendaItems, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting!: MeetingEntity;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) titleRu!: string | null;
  @Column({ type: 'text', nullable: true }) annotation!: string | null;
  @Column({ type: 'text', nullable: true }) annotationRu!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

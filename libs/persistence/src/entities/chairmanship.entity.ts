import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ParticipantEntity } from './participant.entity';

@Entity('chairmanships')
@Index('chairmanships_participant_id', ['participantId'])
@Check('chairmanships_check', `ends_on IS NULL OR ends_on > starts_on`)
export class ChairmanshipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'chairmanships_pkey' }) id!: string;
  @Column({ type: 'uuid' }) participantId!: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'participant_id',
    foreignKeyConstraintName: 'chairmanships_participant_id_fkey',
  })
  participant!: ParticipantEntity;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date', nullable: true }) endsOn!: string | null;
  @Column({ type: 'boolean', default: false }) uncertain!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipantEntity } from './participant.entity';

@Entity('chairmanships')
export class ChairmanshipEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) participantId!: string;
  @ManyToOne(() => ParticipantEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'participant_id' })
  participant!: ParticipantEntity;
  @Column({ type: 'date' }) startsOn!: string;
  @Column({ type: 'date', nullable: true }) endsOn!: string | null;
  @Column({ type: 'boolean', default: false }) uncertain!: boolean;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

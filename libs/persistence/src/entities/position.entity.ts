import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ParticipantEntity } from './participant.entity';
import { RevisionEntity } from './revision.entity';
import { UserEntity } from './user.entity';

/** A state's stance on one revision; superseded, never changed or deleted (a trigger guards it). */
@Entity('positions')
@ForeignKey(() => RevisionEntity, ['draftId', 'revisionNumber'], ['draftId', 'number'], {
  name: 'positions_draft_id_revision_number_fkey',
  onDelete: 'RESTRICT',
})
// One standing position per state and revision; earlier ones stay as history.
@Index('positions_one_standing', ['draftId', 'revisionNumber', 'participantId'], {
  unique: true,
  where: 'superseded_at IS NULL',
})
@Check('positions_stance_check', `stance IN ('concur', 'reservation', 'objection')`)
@Check('positions_check', `stance = 'concur' OR (text IS NOT NULL AND btrim(text) <> '')`)
@Check('positions_check1', `superseded_at IS NULL OR superseded_at >= recorded_at`)
export class PositionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'positions_pkey' }) id!: string;
  @Column({ type: 'uuid' }) draftId!: string;
  @Column({ type: 'integer' }) revisionNumber!: number;
  @Column({ type: 'uuid' })
  @ForeignKey(() => ParticipantEntity, {
    name: 'positions_participant_id_fkey',
    onDelete: 'RESTRICT',
  })
  participantId!: string;
  @Column({ type: 'varchar', length: 16 }) stance!: string;
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) paragraphs!: string[];
  @Column({ type: 'boolean', default: false }) onBehalf!: boolean;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'positions_recorded_by_fkey', onDelete: 'RESTRICT' })
  recordedBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) supersededAt!: Date | null;
}

import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { AmendmentChange } from '@chancery/domain';
import { ParticipantEntity } from './participant.entity';
import { RevisionEntity } from './revision.entity';
import { UserEntity } from './user.entity';

/** A state's proposed wording on one revision; withdrawn at most once, never deleted (a trigger guards it). */
@Entity('amendments')
@ForeignKey(() => RevisionEntity, ['draftId', 'revisionNumber'], ['draftId', 'number'], {
  name: 'amendments_draft_id_revision_number_fkey',
  onDelete: 'RESTRICT',
})
@Unique('amendments_draft_id_number_key', ['draftId', 'number'])
@Index('amendments_revision', ['draftId', 'revisionNumber', 'number'])
@Check('amendments_number_check', `number > 0`)
@Check(
  'amendments_changes_check',
  `jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0`,
)
@Check('amendments_withdrawn_check', `(withdrawn_at IS NULL) = (withdrawn_by IS NULL)`)
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'amendments_pkey' }) id!: string;
  @Column({ type: 'uuid' }) draftId!: string;
  @Column({ type: 'integer' }) number!: number;
  @Column({ type: 'integer' }) revisionNumber!: number;
  @Column({ type: 'uuid' })
  @ForeignKey(() => ParticipantEntity, {
    name: 'amendments_participant_id_fkey',
    onDelete: 'RESTRICT',
  })
  participantId!: string;
  @Column({ type: 'jsonb' }) changes!: AmendmentChange[];
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'boolean', default: false }) onBehalf!: boolean;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'amendments_created_by_fkey', onDelete: 'RESTRICT' })
  createdBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'amendments_withdrawn_by_fkey', onDelete: 'RESTRICT' })
  withdrawnBy!: string | null;
}

import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { AmendmentEntity } from './amendment.entity';
import { RevisionEntity } from './revision.entity';
import { UserEntity } from './user.entity';

/** What the revision that disposed of an amendment made of it; written once (a trigger guards it). */
@Entity('amendment_outcomes')
@ForeignKey(() => RevisionEntity, ['draftId', 'revisionNumber'], ['draftId', 'number'], {
  name: 'amendment_outcomes_draft_id_revision_number_fkey',
  onDelete: 'RESTRICT',
})
@Index('amendment_outcomes_revision', ['draftId', 'revisionNumber'])
@Check(
  'amendment_outcomes_outcome_check',
  `outcome IN ('accepted', 'bracketed', 'not-retained', 'withdrawn')`,
)
export class AmendmentOutcomeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'amendment_outcomes_pkey' })
  @ForeignKey(() => AmendmentEntity, {
    name: 'amendment_outcomes_amendment_id_fkey',
    onDelete: 'RESTRICT',
  })
  amendmentId!: string;
  @Column({ type: 'uuid' }) draftId!: string;
  /** The new revision, posted with the disposition. */
  @Column({ type: 'integer' }) revisionNumber!: number;
  @Column({ type: 'varchar', length: 16 }) outcome!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, {
    name: 'amendment_outcomes_decided_by_fkey',
    onDelete: 'RESTRICT',
  })
  decidedBy!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) decidedAt!: Date;
}

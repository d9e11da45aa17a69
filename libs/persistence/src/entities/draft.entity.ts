import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { BodyEntity } from './body.entity';
import { LanguageEntity } from './language.entity';
import { MeetingEntity } from './meeting.entity';
import { ParticipantEntity } from './participant.entity';
import { UserEntity } from './user.entity';

@Entity('drafts')
@Unique('drafts_symbol_key', ['symbol'])
// In SQL this is UNIQUE NULLS NOT DISTINCT (a draft without a meeting still has one number per
// body), which TypeORM 1.1 cannot declare (UniqueOptions has only `deferrable`). The schema
// builder compares unique constraints by name, so the database and this declaration agree; but a
// generated migration that drops and re-creates it (TypeORM does so when it alters one of its
// columns) would lose NULLS NOT DISTINCT: fix such a migration by hand.
@Unique('drafts_adopting_body_id_meeting_id_document_number_key', [
  'adoptingBodyId',
  'meetingId',
  'documentNumber',
])
@Index('drafts_open', ['status'], {
  where: `status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS')`,
})
@Index('drafts_meeting_id', ['meetingId'])
@Check('drafts_document_number_check', `document_number > 0`)
@Check(
  'drafts_type_check',
  `type IN ('statement', 'declaration', 'concept-paper', 'action-plan', 'calendar', 'budget', 'decision', 'report')`,
)
@Check('drafts_title_check', `btrim(title) <> ''`)
@Check(
  'drafts_status_check',
  `status IN ('PROPOSED', 'UNDER_SOC_REVIEW', 'CONSENSUS', 'ADOPTED', 'WITHDRAWN')`,
)
@Check('drafts_current_revision_check', `current_revision >= 0`)
@Check('drafts_version_check', `version > 0`)
@Check('drafts_consensus_method_check', `consensus_method IN ('explicit', 'silence')`)
@Check(
  'drafts_check',
  `(status IN ('CONSENSUS', 'ADOPTED')) = (consensus_method IS NOT NULL AND consensus_at IS NOT NULL AND consensus_revision IS NOT NULL)`,
)
@Check(
  'drafts_check1',
  `(status = 'ADOPTED') = (adopted_at IS NOT NULL AND adopted_meeting_id IS NOT NULL)`,
)
@Check('drafts_check2', `(status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)`)
@Check('drafts_check3', `status IN ('PROPOSED', 'WITHDRAWN') OR current_revision > 0`)
@Check('drafts_check4', `consensus_revision IS NULL OR consensus_revision = current_revision`)
export class DraftEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'drafts_pkey' }) id!: string;
  @Column({ type: 'text' }) symbol!: string;
  @Column({ type: 'integer' }) documentNumber!: number;
  @Column({ type: 'varchar', length: 32 }) type!: string;
  @Column({ type: 'text' }) title!: string;
  /** The original language: one of the forum's working languages. */
  @Column({ type: 'varchar', length: 8 })
  @ForeignKey(() => LanguageEntity, { name: 'drafts_language_fkey', onDelete: 'RESTRICT' })
  language!: string;
  @Column({ type: 'uuid' })
  @ForeignKey(() => BodyEntity, { name: 'drafts_adopting_body_id_fkey', onDelete: 'RESTRICT' })
  adoptingBodyId!: string;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => MeetingEntity, { name: 'drafts_meeting_id_fkey', onDelete: 'RESTRICT' })
  meetingId!: string | null;
  @Column({ type: 'uuid' })
  @ForeignKey(() => ParticipantEntity, { name: 'drafts_penholder_id_fkey', onDelete: 'RESTRICT' })
  penholderId!: string;
  @Column({ type: 'varchar', length: 24, default: 'PROPOSED' }) status!: string;
  @Column({ type: 'integer', default: 0 }) currentRevision!: number;
  /** Compare-and-set guard for concurrent edits (the ETag). */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ type: 'varchar', length: 16, nullable: true }) consensusMethod!: string | null;
  @Column({ type: 'integer', nullable: true }) consensusRevision!: number | null;
  @Column({ type: 'timestamptz', nullable: true }) consensusAt!: Date | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'drafts_consensus_by_fkey', onDelete: 'RESTRICT' })
  consensusBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) adoptedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => MeetingEntity, { name: 'drafts_adopted_meeting_id_fkey', onDelete: 'RESTRICT' })
  adoptedMeetingId!: string | null;
  @Column({ type: 'uuid', nullable: true })
  @ForeignKey(() => UserEntity, { name: 'drafts_adopted_by_fkey', onDelete: 'RESTRICT' })
  adoptedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'uuid' })
  @ForeignKey(() => UserEntity, { name: 'drafts_created_by_fkey', onDelete: 'RESTRICT' })
  createdBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
